package io.parley.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins see how far each read model is and rebuild one from the events while the API keeps answering. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProjectionAdminTests {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = api.post("/api/auth/login", null, Map.of("email", "admin@parley.test",
                "password", "admin-password-1")).data().path("token").asText();
    }

    private String customerWithChat() {
        String token = api.post("/api/auth/register", null, Map.of("name", "Rita",
                "email", "rita-" + UUID.randomUUID() + "@example.com", "password", "secret-password-1"))
                .data().path("token").asText();
        assertThat(api.post("/api/chats", token, Map.of("message", "replay me")).status()).isEqualTo(201);
        return token;
    }

    private JsonNode projection(String name) {
        for (JsonNode p : api.get("/api/admin/projections", admin).data()) {
            if (p.path("name").asText().equals(name)) return p;
        }
        throw new AssertionError("no projection " + name);
    }

    @Test
    void adminsSeeEveryReadModelLiveAndCaughtUp() {
        customerWithChat();
        Response list = api.get("/api/admin/projections", admin);
        assertThat(list.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.data().forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).containsExactly("inbox", "history", "unread", "notes", "analytics");
        list.data().forEach(p -> {
            assertThat(p.path("position").isNumber()).isTrue();
            // Live: complete, and no rebuild pace to show.
            assertThat(p.path("progress").asDouble()).isEqualTo(1.0);
            assertThat(p.path("eventsPerSecond").isNull()).as(p.toString()).isTrue();
        });
    }

    @Test
    void aReplayRebuildsTheInboxAndItAnswersTheSameAfterwards() throws Exception {
        String customer = customerWithChat();
        JsonNode before = api.get("/api/chats/mine", customer).data();
        String messages = "/api/chats/" + before.get(0).path("id").asText() + "/messages";
        JsonNode historyBefore = api.get(messages, customer).data();
        // Damage the read model behind the projection's back: only a rebuild from the events brings the row back.
        jdbc.update("DELETE FROM inbox_chat WHERE chat_id = ?", before.get(0).path("id").asText());
        assertThat(api.get("/api/chats/mine", customer).data()).isEmpty();

        Response replay = api.post("/api/admin/projections/inbox/replay", admin, null);
        assertThat(replay.status()).isEqualTo(202);

        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode inbox = projection("inbox");
        while (!(inbox.path("status").asText().equals("live") && inbox.path("lag").asLong(-1) == 0)
                && System.currentTimeMillis() < deadline) {
            if (inbox.path("status").asText().equals("replaying")) {
                assertThat(inbox.path("progress").asDouble(-1)).as(inbox.toString()).isBetween(0.0, 1.0);
            }
            Thread.sleep(50);
            inbox = projection("inbox");
        }
        assertThat(inbox.path("status").asText()).isEqualTo("live");
        assertThat(inbox.path("lag").asLong()).isZero();
        assertThat(inbox.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(api.get("/api/chats/mine", customer).data()).isEqualTo(before);
        // Only the inbox was rebuilt: the history, replayed over the same events, is exactly as it was.
        assertThat(projection("history").path("status").asText()).isEqualTo("live");
        assertThat(api.get(messages, customer).data()).isEqualTo(historyBefore);
    }

    @Test
    void theReadModelCheckComparesAChatWithItsEventsAndNamesEachDifference() {
        String customer = customerWithChat();
        String chatId = api.get("/api/chats/mine", customer).data().get(0).path("id").asText();
        assertThat(api.post("/api/chats/" + chatId + "/messages", customer, Map.of("content", "second")).status())
                .isEqualTo(201);

        JsonNode clean = api.get("/api/admin/chats/" + chatId + "/check", admin).data();
        assertThat(clean.path("consistent").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("messages").asInt()).isEqualTo(2);

        jdbc.update("UPDATE inbox_chat SET subject = 'rewritten' WHERE chat_id = ?", chatId);
        jdbc.update("UPDATE history_message SET content = 'rewritten' WHERE chat_id = ? AND seq = 2", chatId);
        JsonNode tampered = api.get("/api/admin/chats/" + chatId + "/check", admin).data();
        assertThat(tampered.path("consistent").asBoolean()).isFalse();
        List<String> differences = new ArrayList<>();
        tampered.path("differences").forEach(d -> differences.add(d.path("readModel").asText() + ":"
                + d.path("field").asText()));
        assertThat(differences).containsExactlyInAnyOrder("inbox:subject", "history:message seq 2");

        assertThat(api.get("/api/admin/chats/" + chatId + "/check", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/chats/" + UUID.randomUUID() + "/check", admin).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsManageProjectionsAndUnknownOnesAreNotFound() {
        String customer = customerWithChat();
        assertThat(api.get("/api/admin/projections", customer).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/projections/inbox/replay", customer, null).status()).isEqualTo(403);
        Response unknown = api.post("/api/admin/projections/nope/replay", admin, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void processorLagIsAMetricPerProjection() {
        customerWithChat();
        for (String name : List.of("inbox", "history", "unread", "notes", "analytics")) {
            Response lag = api.get("/actuator/metrics/parley.projection.lag?tag=projection:" + name, admin);
            assertThat(lag.status()).as(name + " " + lag.body()).isEqualTo(200);
            assertThat(lag.body().path("measurements").get(0).path("value").asDouble()).isBetween(0.0, 1e9);
            Response position = api.get("/actuator/metrics/parley.projection.position?tag=projection:" + name,
                    admin);
            assertThat(position.body().path("measurements").get(0).path("value").asDouble()).isPositive();
        }
        assertThat(api.get("/actuator/metrics/parley.projection.lag", customerWithChat()).status()).isEqualTo(403);
    }
}
