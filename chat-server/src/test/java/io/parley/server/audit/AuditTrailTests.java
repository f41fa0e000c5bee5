package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.audit.People.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read every event of a chat as stored, with who did it, and check its hash chain (docs/audit.md). */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuditTrailTests {
    private static final String API_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    People people;

    @BeforeEach
    void connect() {
        api = new Api(port);
        people = new People(api);
    }

    private List<JsonNode> events(String chatId, String token) {
        Response r = api.get("/api/audit/chats/" + chatId + "/events?limit=1000", token);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        r.data().forEach(events::add);
        return events;
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditTrail() {
        Person customer = people.customer("Carla");
        String chatId = people.chat(customer, "I cannot log in");
        Person guest = people.guest("Gus");
        Person agent = people.staff("Alice", "agent");
        Person auditor = people.staff("Audrey", "auditor");
        List<String> paths = List.of("/api/audit/chats/" + chatId + "/events",
                "/api/audit/chats/" + chatId + "/verify",
                "/api/audit/chats/" + chatId + "/state?at=" + Instant.now().plusSeconds(1),
                "/api/audit/events?limit=1");
        for (String path : paths) {
            for (String refused : List.of(customer.token(), guest.token(), agent.token())) {
                Response r = api.get(path, refused);
                assertThat(r.status()).as(path).isEqualTo(403);
                assertThat(r.errorCode()).as(path).isEqualTo("FORBIDDEN");
            }
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            for (String allowed : List.of(auditor.token(), people.admin)) {
                assertThat(api.get(path, allowed).status()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void theAuditWalkShowsEveryEventWithItsActorTypeAndSequence() {
        Person customer = people.customer("Carla");
        Person agent = people.staff("Alice", "agent");
        Person auditor = people.staff("Audrey", "auditor");
        String chatId = people.chat(customer, "I cannot log in");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(customer, "user", "ChatStarted", events(chatId, auditor.token()).size()));
        assertThat(api.post("/api/chats/" + chatId + "/assign", agent.token(), null).status()).isEqualTo(200);
        steps.add(new Step(agent, "agent", "AgentAssigned", events(chatId, auditor.token()).size()));
        assertThat(api.post("/api/chats/" + chatId + "/messages", agent.token(),
                Map.of("content", "I reset your password")).status()).isEqualTo(201);
        steps.add(new Step(agent, "agent", "MessageSent", events(chatId, auditor.token()).size()));
        assertThat(api.post("/api/chats/" + chatId + "/read", customer.token(), null).status()).isEqualTo(200);
        steps.add(new Step(customer, "user", "MessagesRead", events(chatId, auditor.token()).size()));
        assertThat(api.post("/api/chats/" + chatId + "/status", agent.token(),
                Map.of("status", "resolved", "resolutionSummary", "Password reset")).status()).isEqualTo(200);
        steps.add(new Step(agent, "agent", "ChatStatusChanged", events(chatId, auditor.token()).size()));
        assertThat(api.post("/api/chats/" + chatId + "/close", agent.token(), null).status()).isEqualTo(200);
        steps.add(new Step(agent, "agent", "ChatClosed", events(chatId, auditor.token()).size()));

        List<JsonNode> events = events(chatId, auditor.token());
        assertThat(events).hasSize(steps.get(steps.size() - 1).eventsAfter());
        String prevHash = AuditChain.GENESIS;
        long position = 0;
        long sequence = 0;
        int from = 0;
        for (Step step : steps) {
            List<JsonNode> caused = events.subList(from, step.eventsAfter());
            assertThat(caused).as(step.type()).isNotEmpty();
            Set<String> types = new HashSet<>();
            Set<String> correlations = new HashSet<>();
            for (JsonNode event : caused) {
                assertThat(event.path("chatId").asText()).isEqualTo(chatId);
                assertThat(event.path("sequence").asLong()).isEqualTo(sequence++);
                assertThat(event.path("actor").path("id").asText()).as(step.type()).isEqualTo(step.by().id());
                assertThat(event.path("actor").path("role").asText()).as(step.type()).isEqualTo(step.role());
                assertThat(event.path("actor").path("name").asText()).as(step.type()).isEqualTo(step.by().name());
                assertThat(event.path("occurredAt").asText()).matches(API_TIME);
                assertThat(event.path("globalPosition").asLong()).isGreaterThan(position);
                assertThat(event.path("prevHash").asText()).isEqualTo(prevHash);
                assertThat(event.path("hash").asText()).matches("[0-9a-f]{64}");
                assertThat(event.path("payload").path("chatId").asText()).isEqualTo(chatId);
                types.add(event.path("type").asText());
                correlations.add(event.path("correlationId").asText());
                position = event.path("globalPosition").asLong();
                prevHash = event.path("hash").asText();
            }
            assertThat(types).as("events of " + step.type()).contains(step.type());
            // One command caused them all.
            assertThat(correlations).as(step.type()).hasSize(1).doesNotContain("");
            from = step.eventsAfter();
        }
        JsonNode reply = events.stream().filter(e -> e.path("payload").path("content").asText()
                .equals("I reset your password")).findFirst().orElseThrow();
        assertThat(reply.path("type").asText()).isEqualTo("MessageSent");
        JsonNode closed = events.get(events.size() - 1);
        assertThat(closed.path("type").asText()).isEqualTo("ChatClosed");

        // Pages resume after a sequence.
        Response page = api.get("/api/audit/chats/" + chatId + "/events?afterSequence=1&limit=2", auditor.token());
        assertThat(page.data()).hasSize(2);
        assertThat(page.data().get(0).path("sequence").asLong()).isEqualTo(2);
        assertThat(page.data().get(0)).isEqualTo(events.get(2));
    }

    private record Step(Person by, String role, String type, int eventsAfter) {
    }

    @Test
    void badPagesAreValidationFailuresAndUnknownChatsAreNotFound() {
        Person customer = people.customer("Carla");
        String chatId = people.chat(customer, "hello");
        String base = "/api/audit/chats/" + chatId + "/events";
        for (String query : List.of("?limit=0", "?limit=1001", "?limit=abc", "?afterSequence=-2",
                "?afterSequence=1.5", "?limit=99999999999")) {
            Response r = api.get(base + query, people.admin);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get(base + "?limit=1000", people.admin).status()).isEqualTo(200);
        for (String path : List.of("/events", "/verify", "/state?at=2026-01-01T00:00:00Z")) {
            Response r = api.get("/api/audit/chats/no-such-chat" + path, people.admin);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void verifyFindsOneChangedByteOfAStoredPayloadAtItsSequence() {
        Person customer = people.customer("Carla");
        Person agent = people.staff("Alice", "agent");
        String chatId = people.chat(customer, "I cannot log in");
        api.post("/api/chats/" + chatId + "/messages", agent.token(), Map.of("content", "Let me look"));
        api.post("/api/chats/" + chatId + "/messages", customer.token(), Map.of("content", "Thank you"));
        List<JsonNode> events = events(chatId, people.admin);

        Response clean = api.get("/api/audit/chats/" + chatId + "/verify", people.admin);
        assertThat(clean.status()).isEqualTo(200);
        assertThat(clean.data().path("chatId").asText()).isEqualTo(chatId);
        assertThat(clean.data().path("events").asLong()).isEqualTo(events.size());
        assertThat(clean.data().path("valid").asBoolean()).isTrue();
        assertThat(clean.data().path("firstInvalidSequence").isNull()).isTrue();
        assertThat(clean.data().path("headHash").asText())
                .isEqualTo(events.get(events.size() - 1).path("hash").asText());

        long tampered = events.stream().filter(e -> e.path("payload").path("content").asText().equals("Let me look"))
                .findFirst().orElseThrow().path("sequence").asLong();
        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = ?", byte[].class, chatId, tampered);
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf("Let me look") + 4;
        payload[at] = (byte) 'M'; // "Let me" → "Let Me"
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                payload, chatId, tampered);

        Response broken = api.get("/api/audit/chats/" + chatId + "/verify", people.admin);
        assertThat(broken.data().path("valid").asBoolean()).isFalse();
        assertThat(broken.data().path("firstInvalidSequence").asLong()).isEqualTo(tampered);
        assertThat(broken.data().path("events").asLong()).isEqualTo(events.size());
        // The trail shows the event as it is stored now, beside the hash it was stored with.
        JsonNode shown = events(chatId, people.admin).get((int) tampered);
        assertThat(shown.path("payload").path("content").asText()).isEqualTo("Let Me look");
        assertThat(shown.path("hash").asText()).isEqualTo(events.get((int) tampered).path("hash").asText());
    }

    @Test
    void theStateAtFiveInstantsIsTheChatAsItWasThen() throws Exception {
        Person customer = people.customer("Carla");
        Person agent = people.staff("Alice", "agent");
        Instant beforeStart = pause();
        String chatId = people.chat(customer, "I cannot log in");
        Instant started = pause();
        api.post("/api/chats/" + chatId + "/assign", agent.token(), null);
        Instant assigned = pause();
        api.post("/api/chats/" + chatId + "/status", agent.token(),
                Map.of("status", "resolved", "resolutionSummary", "Password reset"));
        Instant resolved = pause();
        api.post("/api/chats/" + chatId + "/close", agent.token(), Map.of("resolutionSummary", "Customer confirmed"));
        Instant closed = pause();

        Response before = state(chatId, beforeStart);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.errorCode()).isEqualTo("NOT_FOUND");

        JsonNode open = state(chatId, started).data();
        assertThat(open.path("id").asText()).isEqualTo(chatId);
        assertThat(open.path("status").asText()).isEqualTo("open");
        assertThat(open.path("assignedAgent").isNull()).isTrue();
        assertThat(open.path("lastMessage").path("content").asText()).isEqualTo("I cannot log in");

        JsonNode held = state(chatId, assigned).data();
        assertThat(held.path("status").asText()).isEqualTo("in_progress");
        assertThat(held.path("assignedAgent").path("name").asText()).isEqualTo("Alice");
        assertThat(held.path("resolutionSummary").isNull()).isTrue();

        JsonNode done = state(chatId, resolved).data();
        assertThat(done.path("status").asText()).isEqualTo("resolved");
        assertThat(done.path("resolutionSummary").asText()).isEqualTo("Password reset");
        assertThat(done.path("closedAt").isNull()).isTrue();

        JsonNode shut = state(chatId, closed).data();
        assertThat(shut.path("status").asText()).isEqualTo("closed");
        assertThat(shut.path("resolutionSummary").asText()).isEqualTo("Customer confirmed");
        assertThat(shut.path("closedAt").isNull()).isFalse();

        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-01-01", "")) {
            Response r = api.get("/api/audit/chats/" + chatId + "/state?at=" + bad, people.admin);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.errorCode()).as(bad).isEqualTo("VALIDATION_FAILED");
        }
    }

    private Response state(String chatId, Instant at) {
        return api.get("/api/audit/chats/" + chatId + "/state?at=" + at, people.admin);
    }

    /** Now, with the clock moved on past it, so that the next write is stored strictly later. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(3);
        Instant now = Instant.now();
        Thread.sleep(3);
        return now;
    }
}
