package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.ChatServerApplication;
import io.parley.server.audit.People.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.command.SendMessageCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The NDJSON export in global order, resumable, and checkable offline with {@code chat-server.jar verify}. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuditExportTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    Api api;
    People people;

    @BeforeEach
    void connect() {
        api = new Api(port);
        people = new People(api);
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return last == null ? -1 : last;
    }

    private List<JsonNode> export(String query, String token) throws Exception {
        Response r = api.get("/api/audit/events" + query, token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.raw().body().split("\n")) {
            if (!line.isEmpty()) lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void tenThousandEventsReadBackCompletelyInTwoResumedHalves() throws Exception {
        long start = lastPosition();
        List<Person> customers = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Person customer = people.customer("Bulk" + i);
            customers.add(customer);
            chats.add(people.chat(customer, "first"));
        }
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < chats.size(); c++) {
                String chatId = chats.get(c);
                Actor actor = new Actor(customers.get(c).id(), Role.USER, customers.get(c).name());
                done.add(senders.submit(() -> {
                    for (int m = 0; m < 1000; m++) {
                        commands.sendAndWait(new SendMessageCommand(chatId, actor, UUID.randomUUID().toString(),
                                "message " + m, List.of(), null));
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            senders.shutdown();
        }
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ?"
                + " AND type = 'Conversation'", Long.class, start);
        assertThat(stored).isGreaterThanOrEqualTo(10_000);

        List<JsonNode> first = export("?afterPosition=" + start + "&limit=" + stored / 2, people.admin);
        assertThat(first).hasSize((int) (stored / 2));
        long resumeAt = first.get(first.size() - 1).path("globalPosition").asLong();
        List<JsonNode> rest = export("?afterPosition=" + resumeAt, people.admin);
        List<JsonNode> all = new ArrayList<>(first);
        all.addAll(rest);

        assertThat(all).hasSize((int) stored);
        long previous = start;
        for (JsonNode event : all) {
            assertThat(event.path("globalPosition").asLong()).isGreaterThan(previous);
            assertThat(event.path("hash").asText()).matches("[0-9a-f]{64}");
            previous = event.path("globalPosition").asLong();
        }
        for (String chatId : chats) {
            assertThat(all.stream().filter(e -> e.path("chatId").asText().equals(chatId)).count())
                    .isGreaterThanOrEqualTo(1001);
        }
    }

    @Test
    void anExportVerifiesOfflineAndOneChangedByteIsFoundAtItsSequence(@TempDir Path dir) throws Exception {
        long start = lastPosition();
        Person customer = people.customer("Carla");
        Person agent = people.staff("Alice", "agent");
        String chatId = people.chat(customer, "I cannot log in");
        api.post("/api/chats/" + chatId + "/assign", agent.token(), null);
        api.post("/api/chats/" + chatId + "/messages", agent.token(), Map.of("content", "Let me look"));
        api.post("/api/chats/" + chatId + "/messages", customer.token(), Map.of("content", "Thank you ✓ ünïcode"));

        Response r = api.get("/api/audit/events?afterPosition=" + start, people.admin);
        Path export = dir.resolve("export.ndjson");
        Files.writeString(export, r.raw().body(), StandardCharsets.UTF_8);
        Run clean = verify(export);
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("chat " + chatId + ": ").contains("chain valid").contains("0 broken");

        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        int tampered = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Let me look")) tampered = i;
        }
        long sequence = JSON.readTree(lines.get(tampered)).path("sequence").asLong();
        lines.set(tampered, lines.get(tampered).replace("Let me look", "Let me lock"));
        Path changed = dir.resolve("changed.ndjson");
        Files.write(changed, lines, StandardCharsets.UTF_8);
        Run broken = verify(changed);
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("chat " + chatId + ": ")
                .contains("first broken sequence " + sequence).contains("1 broken");

        assertThat(verify(dir.resolve("missing.ndjson")).exit()).isEqualTo(1);
        PrintStream ignored = new PrintStream(new ByteArrayOutputStream());
        assertThat(OfflineVerification.run(List.of(), ignored)).isEqualTo(2);
    }

    @Test
    void theExportIsFilteredByTimeAndItsParametersAreValidated() {
        for (String query : List.of("?afterPosition=-2", "?afterPosition=x", "?limit=0", "?from=today",
                "?to=2026-02-30T00:00:00Z")) {
            Response r = api.get("/api/audit/events" + query, people.admin);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        Response future = api.get("/api/audit/events?from=2999-01-01T00:00:00Z", people.admin);
        assertThat(future.status()).isEqualTo(200);
        assertThat(future.raw().body()).isEmpty();
        Response past = api.get("/api/audit/events?to=2000-01-01T00:00:00Z", people.admin);
        assertThat(past.raw().body()).isEmpty();
    }

    private record Run(int exit, String output) {
    }

    private static Run verify(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = OfflineVerification.run(List.of(file.toString()), printed);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }
}
