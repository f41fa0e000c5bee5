package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract's staff lifecycle as users meet it over REST and sockets: a deactivated agent is thrown out at
 * once and cannot come back, the chats they held return to the queue; role and capacity changes; token refresh.
 */
abstract class StaffLifecycleTests extends RealtimeTestBase {
    static final Duration PATIENCE = Duration.ofSeconds(10);
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeactivatedAgentIsThrownOutEverywhereAndTheirChatsGoBackToTheQueue() {
        Person alice = staff("Alice", "agent");
        Person bob = staff("Bob", "agent");
        Person carla = customer("Carla");
        String chatId = startChat(carla, "My parcel never came");
        post("/api/chats/" + chatId + "/assign", alice, Map.of());
        post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "Looking into it"));
        awaitInbox(bob, "assignee=" + alice.id(), chatId);
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        TestSocket aliceOverPolling = socket(alice, POLLING);
        TestSocket bobSocket = socket(bob, WEBSOCKET);
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        join(carlaSocket, chatId);

        Response patched = api.send("PATCH", "/api/admin/users/" + alice.id(), admin, "{\"active\": false}");

        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(patched.data().path("active").asBoolean(true)).isFalse();
        for (TestSocket socket : List.of(aliceSocket, aliceOverPolling)) {
            assertThat(socket.await("forceLogout").path("reason").asText()).isEqualTo("deactivated");
            socket.awaitAny(r -> r.name().equals("disconnect"));
        }
        assertThat(api.get("/api/auth/me", alice.token()).errorCode()).isEqualTo("AUTH_FAILED");
        assertThat(api.get("/api/chats", alice.token()).status()).isEqualTo(401);
        Response relogin = api.post("/api/auth/login", null,
                Map.of("email", alice.email(), "password", alice.password()));
        assertThat(relogin.status()).isEqualTo(401);
        assertThat(relogin.errorCode()).isEqualTo("AUTH_FAILED");
        TestSocket again = track(TestSocket.open("alice/again", socketServer.port(), alice.token(), WEBSOCKET));
        assertThat(again.connectError().path("code").asText()).isEqualTo("AUTH_FAILED");

        JsonNode unassigned = carlaSocket.await("chatAssigned", a -> a.path("chatId").asText().equals(chatId)
                && a.path("agentId").isNull());
        assertThat(unassigned.path("previousAgentId").asText()).isEqualTo(alice.id());
        JsonNode notice = carlaSocket.await("newMessage", m -> m.path("senderType").asText().equals("system")
                && m.path("content").asText().contains("back in the queue"));
        assertThat(notice.path("content").asText()).startsWith("Alice");
        bobSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(chatId) && u.path("assignedAgent").isNull());
        JsonNode queued = awaitInbox(bob, "assignee=none&status=open", chatId);
        assertThat(queued.path("assignedAgent").isNull()).isTrue();
        assertThat(queued.path("status").asText()).isEqualTo("open");
        JsonNode history = api.get("/api/chats/" + chatId + "/messages", carla.token()).data();
        assertThat(history.get(history.size() - 1).path("content").asText()).contains("back in the queue");

        String rootId = api.get("/api/auth/me", admin).data().path("id").asText();
        // The change is an event in the store, with the admin as its actor.
        List<String> recorded = jdbc.query("SELECT payload, metaData FROM DomainEventEntry WHERE payloadType LIKE"
                        + " '%StaffAccountChangedEvent'",
                (rs, i) -> new String(rs.getBytes(1)) + " " + new String(rs.getBytes(2)))
                .stream().filter(row -> row.contains(alice.id())).toList();
        assertThat(recorded).singleElement().asString().contains("\"active\":false").contains(rootId);

        // Bob takes it from the queue as any open chat.
        post("/api/chats/" + chatId + "/assign", bob, Map.of());
        Response listed = api.get("/api/admin/users?role=agent&limit=100", admin);
        assertThat(listed.data().findValues("id").stream().map(JsonNode::asText)).contains(alice.id());
    }

    @Test
    void anAdminCannotDeactivateThemselvesNorChangeTheirOwnRole() {
        String rootId = api.get("/api/auth/me", admin).data().path("id").asText();
        Response deactivate = api.send("PATCH", "/api/admin/users/" + rootId, admin, "{\"active\": false}");
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(deactivate.errorCode()).isEqualTo("CONFLICT");
        Response demote = api.send("PATCH", "/api/admin/users/" + rootId, admin, "{\"role\": \"agent\"}");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(api.get("/api/auth/me", admin).data().path("active").asBoolean()).isTrue();
    }

    @Test
    void roleAndCapacityChangesShowOnTheUserAndARoleChangeEndsTheOldSessions() {
        Person dora = staff("Dora", "agent");
        assertThat(api.get("/api/auth/me", dora.token()).data().path("capacity").asInt()).isEqualTo(5);
        TestSocket doraSocket = socket(dora, WEBSOCKET);

        Response capacity = api.send("PATCH", "/api/admin/users/" + dora.id(), admin, "{\"capacity\": 3}");
        assertThat(capacity.status()).as(capacity.body().toString()).isEqualTo(200);
        assertThat(capacity.data().path("capacity").asInt()).isEqualTo(3);
        assertThat(api.get("/api/auth/me", dora.token()).data().path("capacity").asInt()).isEqualTo(3);

        Response promoted = api.send("PATCH", "/api/admin/users/" + dora.id(), admin,
                "{\"role\": \"admin\", \"name\": \"Dora Admin\"}");
        assertThat(promoted.status()).as(promoted.body().toString()).isEqualTo(200);
        assertThat(promoted.data().path("role").asText()).isEqualTo("admin");
        assertThat(promoted.data().path("name").asText()).isEqualTo("Dora Admin");
        assertThat(doraSocket.await("forceLogout").path("reason").asText()).isEqualTo("role_changed");
        assertThat(api.get("/api/admin/users", dora.token()).status()).isEqualTo(401);
        Person asAdmin = login(dora.email(), dora.password());
        assertThat(asAdmin.role()).isEqualTo("admin");
        assertThat(api.get("/api/admin/users", asAdmin.token()).status()).isEqualTo(200);

        Response toAuditor = api.send("PATCH", "/api/admin/users/" + dora.id(), admin, "{\"role\": \"auditor\"}");
        assertThat(toAuditor.data().has("capacity")).isFalse();
        Response auditorCapacity = api.send("PATCH", "/api/admin/users/" + dora.id(), admin, "{\"capacity\": 2}");
        assertThat(auditorCapacity.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void badChangesAreRefusedWithTheEnvelopeAndChangeNothing() {
        Person erin = staff("Erin", "agent");
        String path = "/api/admin/users/" + erin.id();
        for (String body : List.of("{\"active\": \"false\"}", "{\"capacity\": \"3\"}", "{\"capacity\": 0}",
                "{\"capacity\": 1.5}", "{\"role\": \"user\"}", "{\"role\": \"guest\"}", "{\"name\": \"  \"}",
                "{\"name\": 7}", "[]")) {
            Response r = api.send("PATCH", path, admin, body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.send("PATCH", "/api/admin/users/no-such-user", admin, "{\"active\": false}").status())
                .isEqualTo(404);
        assertThat(api.send("PATCH", path, erin.token(), "{\"capacity\": 9}").status()).isEqualTo(403);
        Person carla = customer("Carla");
        assertThat(api.send("PATCH", "/api/admin/users/" + carla.id(), admin, "{\"role\": \"agent\"}").status())
                .isEqualTo(409);
        JsonNode me = api.get("/api/auth/me", erin.token()).data();
        assertThat(me.path("active").asBoolean()).isTrue();
        assertThat(me.path("capacity").asInt()).isEqualTo(5);
        assertThat(me.path("role").asText()).isEqualTo("agent");
    }

    @Test
    void refreshGivesAFreshTokenAndRevokesThePresentedOne() {
        Person fay = staff("Fay", "agent");
        TestSocket faySocket = socket(fay, WEBSOCKET);
        Response refreshed = api.post("/api/auth/refresh", fay.token(), null);
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
        String fresh = refreshed.data().path("token").asText();
        assertThat(fresh).isNotBlank().isNotEqualTo(fay.token());
        assertThat(refreshed.data().path("user").path("id").asText()).isEqualTo(fay.id());
        assertThat(api.get("/api/auth/me", fay.token()).errorCode()).isEqualTo("AUTH_FAILED");
        assertThat(api.get("/api/auth/me", fresh).data().path("id").asText()).isEqualTo(fay.id());
        assertThat(faySocket.await("forceLogout").path("reason").asText()).isEqualTo("refreshed");
        socket(fay.withToken(fresh), WEBSOCKET);
        assertThat(api.post("/api/auth/refresh", fay.token(), null).status()).isEqualTo(401);
    }

    @Test
    void theInboxFindsAChatByAWordSaidInItForStaffOnly() {
        Person gus = staff("Gus", "agent");
        Person carla = customer("Carla");
        Person olga = customer("Olga");
        String word = "zebra" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        String said = startChat(carla, "The " + word + " printer jams on page two");
        String other = startChat(olga, "Nothing to see here");
        String replied = startChat(customer("Hank"), "Hello");
        post("/api/chats/" + replied + "/messages", gus, Map.of("content", "Is it the " + word.toUpperCase() + "?"));

        awaitInbox(gus, "q=" + word, said);
        assertThat(idsOf(api.get("/api/chats?q=" + word, gus.token()))).doesNotContain(other);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(idsOf(api.get("/api/chats?q=" + word, gus.token()))).contains(said, replied));
        assertThat(idsOf(api.get("/api/chats?q=" + word + "&assignee=none", gus.token())))
                .contains(said).doesNotContain(replied);
        // System notices are not what anyone said: "joined" is in every assigned chat's history.
        assertThat(idsOf(api.get("/api/chats?q=joined%20the%20chat", gus.token()))).doesNotContain(replied);
        // Customers have no inbox to search: what others said stays out of their reach.
        assertThat(api.get("/api/chats?q=" + word, olga.token()).status()).isEqualTo(403);
        assertThat(idsOf(api.get("/api/chats/mine", olga.token()))).containsExactly(other);
    }

    /** Waits until the staff inbox with {@code filter} lists {@code chatId}, and returns that row. */
    JsonNode awaitInbox(Person viewer, String filter, String chatId) {
        JsonNode[] row = new JsonNode[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            Response r = api.get("/api/chats?limit=100&" + filter, viewer.token());
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            row[0] = null;
            r.data().forEach(chat -> {
                if (chat.path("id").asText().equals(chatId)) row[0] = chat;
            });
            assertThat(row[0]).as("inbox " + filter + " lists " + chatId).isNotNull();
        });
        return row[0];
    }

    static List<String> idsOf(Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        r.data().forEach(chat -> ids.add(chat.path("id").asText()));
        return ids;
    }
}
