package io.parley.server.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.query.config.ProcessorProperties;
import io.parley.query.config.QuerySideConfig;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model that cannot apply an event parks it, with the later events of its chat, and goes on with every
 * other chat of the segment; admins see it, health and metrics show it, and a retry after the fix applies it.
 */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DeadLetterTests {
    static final String READ_MODELS = QuerySideConfig.READ_MODELS;
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessorProperties processors;
    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = api.post("/api/auth/login", null, Map.of("email", "admin@parley.test",
                "password", "admin-password-1")).data().path("token").asText();
    }

    @Test
    void aChatTheInboxCannotStoreIsParkedWhileItsSegmentFlowsOnAndARetryAfterTheFixAppliesIt() {
        String subject = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        // A database rule the inbox breaks for this one chat stands in for any bug or bad data.
        jdbc.execute("ALTER TABLE inbox_chat ADD CONSTRAINT test_refused_subject CHECK (subject <> '" + subject + "')");
        String parked;
        try {
            String customer = register("Rita");
            api.post("/api/chats", customer, Map.of("message", "hello", "subject", subject));
            parked = eventually(() -> {
                for (JsonNode letter : api.get("/api/admin/dead-letters", admin).data()) {
                    if (letter.path("cause").asText().contains("test_refused_subject")) {
                        return letter.path("chatId").asText();
                    }
                }
                return null;
            }, "the chat is parked");
            api.post("/api/chats/" + parked + "/messages", customer, Map.of("content", "anyone?"));

            String sameSegment = chatInTheSegmentOf(parked);
            assertThat(api.get("/api/chats/" + sameSegment, admin).status()).isEqualTo(200);

            List<JsonNode> letters = eventually(() -> letters(parked, READ_MODELS, 3), "the chat's events are parked");
            assertThat(letters.get(0).path("eventType").asText()).isEqualTo("ChatStartedEvent");
            assertThat(letters.get(0).path("globalPosition").isNumber()).isTrue();
            assertThat(letters.get(0).path("cause").asText()).containsIgnoringCase("test_refused_subject");
            assertThat(letters.get(0).path("enqueuedAt").asText()).isNotBlank();
            assertThat(api.get("/api/chats/" + parked, admin).status()).isEqualTo(404);
            assertHealthUpWithDeadLetters(READ_MODELS, 3);
            Response metric = api.get("/actuator/metrics/parley.projection.dead.letters?tag=processor:" + READ_MODELS,
                    admin);
            assertThat(metric.body().path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(3);
        } finally {
            jdbc.execute("ALTER TABLE inbox_chat DROP CONSTRAINT test_refused_subject");
        }

        // A read model's name stands for the processor it shares with the others.
        Response retry = api.post("/api/admin/dead-letters/inbox/retry", admin, null);
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.data().path("sequencesProcessed").asInt()).isPositive();
        JsonNode chat = api.get("/api/chats/" + parked, admin).data();
        assertThat(chat.path("subject").asText()).isEqualTo(subject);
        assertThat(chat.path("lastMessage").path("content").asText()).isEqualTo("anyone?");
        assertThat(letters(parked, READ_MODELS, 0)).isEmpty();
        assertThat(api.get("/api/chats/" + parked + "/messages", admin).data()).extracting(m -> m.path("content")
                .asText()).containsExactly("hello", "anyone?");
    }

    @Test
    void onlyAdminsSeeAndRetryDeadLettersAndUnknownReadModelsAreNotFound() {
        String customer = register("Nosy");
        assertThat(api.get("/api/admin/dead-letters", customer).status()).isEqualTo(403);
        Response forbidden = api.post("/api/admin/dead-letters/inbox/retry", customer, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        Response unknown = api.post("/api/admin/dead-letters/nope/retry", admin, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        Response list = api.get("/api/admin/dead-letters", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().isArray()).isTrue();
    }

    String register(String name) {
        Response r = api.post("/api/auth/register", null, Map.of("name", name,
                "email", name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com",
                "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().path("token").asText();
    }

    /**
     * Starts chats until one lands in the same processor segment as {@code chatId}, which proves the segment
     * itself still moves; returns it once the read models show it.
     */
    String chatInTheSegmentOf(String chatId) {
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, processors.segments() - 1);
        Segment target = segments.stream().filter(s -> s.matches(Objects.hashCode(chatId))).findFirst().orElseThrow();
        for (int i = 0; i < 40; i++) {
            Response started = api.post("/api/chats", register("Later"), Map.of("message", "later " + i));
            assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
            String id = started.data().path("chat").path("id").asText();
            if (target.matches(Objects.hashCode(id))) return id;
        }
        throw new AssertionError("no chat landed in segment " + target);
    }

    /** The listed dead letters of one chat in one read model, once there are at least {@code atLeast}. */
    List<JsonNode> letters(String chatId, String group, int atLeast) {
        Response list = api.get("/api/admin/dead-letters", admin);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        list.data().forEach(letter -> {
            if (chatId.equals(letter.path("chatId").asText()) && group.equals(letter.path("processingGroup").asText())) {
                letters.add(letter);
            }
        });
        return letters.size() >= atLeast ? letters : null;
    }

    void assertHealthUpWithDeadLetters(String group, int atLeast) {
        Response health = api.get("/actuator/health", null);
        assertThat(health.body().path("status").asText()).as(health.body().toString()).isEqualTo("UP");
        JsonNode processors = health.body().path("components").path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").path(group).path("deadLetters").asLong()).isGreaterThanOrEqualTo(atLeast);
        assertThat(processors.path("details").path("degraded").asBoolean()).isTrue();
    }

    static <T> T eventually(Supplier<T> probe, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            T value = probe.get();
            if (value != null) return value;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
