package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a chat (PATCH, tags, the inbox's tag filter, chatUpdated) and CSAT ratings (once only, after resolve or
 * close, chatRated to agents), over real HTTP and real Socket.IO clients.
 */
abstract class SupportOpsTests extends RealtimeTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String API_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    Response patch(String chatId, Person who, Object body) {
        try {
            return api.send("PATCH", "/api/chats/" + chatId, who.token(),
                    body instanceof String raw ? raw : JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> inboxIds(Person who, String query) {
        Response r = api.get("/api/chats?limit=100&" + query, who.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.data().forEach(chat -> ids.add(chat.path("id").asText()));
        return ids;
    }

    int storedEvents(String chatId) {
        Response r = api.get("/api/audit/chats/" + chatId + "/events?limit=1000", admin);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data().size();
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void anAgentEditsAChatAndTheChatAndTheAgentsHearOfIt() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        String chatId = startChat(carla, "My invoice is wrong");
        join(carlaSocket, chatId);

        Response edited = patch(chatId, alice, Map.of("priority", "urgent", "category", "billing",
                "tags", List.of(" VIP ", "refund", "vip")));
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.data().path("priority").asText()).isEqualTo("urgent");
        assertThat(edited.data().path("category").asText()).isEqualTo("billing");
        assertThat(edited.data().path("subject").asText()).isEqualTo("Help");
        assertThat(texts(edited.data().path("tags"))).containsExactly("vip", "refund");

        for (TestSocket socket : List.of(aliceSocket, carlaSocket)) {
            JsonNode update = socket.await("chatUpdated", u -> u.path("chatId").asText().equals(chatId));
            assertThat(update.path("changedBy").asText()).isEqualTo(alice.id());
            assertThat(update.path("changedAt").asText()).matches(API_TIME);
            JsonNode changes = update.path("changes");
            assertThat(changes.path("priority").asText()).isEqualTo("urgent");
            assertThat(changes.path("category").asText()).isEqualTo("billing");
            assertThat(texts(changes.path("tags"))).containsExactly("vip", "refund");
            assertThat(changes.has("subject")).as("only changed fields: " + changes).isFalse();
        }

        JsonNode seen = api.get("/api/chats/" + chatId, carla.token()).data();
        assertThat(texts(seen.path("tags"))).containsExactly("vip", "refund");
        assertThat(seen.path("priority").asText()).isEqualTo("urgent");
        assertThat(seen.path("rating").isNull()).isTrue();

        // The subject alone, then the tags cleared: each push names only what that edit changed.
        Response subject = patch(chatId, alice, Map.of("subject", "  Invoice 2026-114 is wrong "));
        assertThat(subject.data().path("subject").asText()).isEqualTo("Invoice 2026-114 is wrong");
        assertThat(texts(subject.data().path("tags"))).containsExactly("vip", "refund");
        JsonNode second = aliceSocket.await("chatUpdated", u -> u.path("chatId").asText().equals(chatId)
                && u.path("changes").has("subject"));
        assertThat(second.path("changes").size()).isEqualTo(1);
        Response cleared = patch(chatId, alice, Map.of("tags", List.of()));
        assertThat(cleared.data().path("tags")).isEmpty();
        aliceSocket.await("chatUpdated", u -> u.path("chatId").asText().equals(chatId)
                && u.path("changes").path("tags").isArray() && u.path("changes").path("tags").isEmpty());
    }

    @Test
    void theInboxFiltersByTag() {
        Person carla = customer("Carla");
        Person dan = customer("Dan");
        Person alice = staff("Alice", "agent");
        String vip = startChat(carla, "Please call me back");
        String plain = startChat(dan, "Where is my parcel?");
        String tag = "vip-" + Long.toString(System.nanoTime(), 36);
        assertThat(patch(vip, alice, Map.of("tags", List.of(tag, "phone"))).status()).isEqualTo(200);
        assertThat(patch(plain, alice, Map.of("tags", List.of("phone"))).status()).isEqualTo(200);

        assertThat(inboxIds(alice, "tag=" + tag)).containsExactly(vip);
        assertThat(inboxIds(alice, "tag=" + tag.toUpperCase())).containsExactly(vip);
        assertThat(inboxIds(alice, "tag=phone")).contains(vip, plain);
        assertThat(inboxIds(alice, "tag=phone&status=active")).contains(vip, plain);
        // A prefix of a tag is not the tag, and LIKE's own wildcards match only themselves.
        assertThat(inboxIds(alice, "tag=" + tag.substring(0, 5))).doesNotContain(vip);
        assertThat(inboxIds(alice, "tag=_ip-" + tag.substring(4))).doesNotContain(vip);

        // A tag no chat can carry is refused rather than matching nothing.
        for (String impossible : List.of("a%7Cb", "%25", "x".repeat(33))) {
            Response bad = api.get("/api/chats?tag=" + impossible, alice.token());
            assertThat(bad.status()).as(impossible).isEqualTo(400);
            assertThat(bad.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        JsonNode row = api.get("/api/chats?limit=100&tag=" + tag, alice.token()).data().get(0);
        assertThat(texts(row.path("tags"))).containsExactly(tag, "phone");
    }

    @Test
    void anEditThatChangesNothingAnswersTheChatAndStoresNothing() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        String chatId = startChat(carla, "Hello");
        int before = storedEvents(chatId);

        // The chat started as high / account / "Help": naming the same values is no change.
        Response same = patch(chatId, alice, Map.of("priority", "high", "category", "account", "subject", "Help"));
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.data().path("priority").asText()).isEqualTo("high");
        assertThat(storedEvents(chatId)).isEqualTo(before);

        // A real change afterwards is the first and only chatUpdated of the chat (pushes keep commit order).
        assertThat(patch(chatId, alice, Map.of("priority", "low")).status()).isEqualTo(200);
        aliceSocket.await("chatUpdated", u -> u.path("chatId").asText().equals(chatId));
        assertThat(aliceSocket.all("chatUpdated").stream()
                .filter(u -> u.path("chatId").asText().equals(chatId))).hasSize(1);
        assertThat(storedEvents(chatId)).isEqualTo(before + 1);
    }

    @Test
    void badEditsAreRefusedAndCustomersMayNotEdit() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        Person audrey = staff("Audrey", "auditor");
        String chatId = startChat(carla, "Hello");
        int before = storedEvents(chatId);
        List<String> tooMany = IntStream.rangeClosed(1, 21).mapToObj(i -> "t" + i).toList();

        for (Object body : List.of("{}", "{\"subject\":null}", Map.of("tags", tooMany),
                Map.of("tags", List.of("x".repeat(33))), Map.of("tags", List.of("a|b")),
                Map.of("priority", "extreme"), Map.of("subject", " "), Map.of("category", "c".repeat(65)),
                "{\"tags\":\"vip\"}", "{\"tags\":[1]}", "{\"tags\":[null]}", "{\"priority\":3}",
                "{\"subject\":\"x\\u0000y\"}")) {
            Response r = patch(chatId, alice, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.errorCode()).as(body.toString()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(patch(chatId, carla, Map.of("priority", "urgent")).status()).isEqualTo(403);
        assertThat(patch(chatId, audrey, Map.of("priority", "urgent")).status()).isEqualTo(403);
        assertThat(patch("no-such-chat", alice, Map.of("priority", "urgent")).status()).isEqualTo(404);
        assertThat(storedEvents(chatId)).isEqualTo(before);

        // Twenty distinct tags (after deduplication) are the most a chat holds.
        List<String> twenty = new ArrayList<>(tooMany.subList(0, 20));
        twenty.add("T1");
        assertThat(patch(chatId, alice, Map.of("tags", twenty)).data().path("tags")).hasSize(20);

        post("/api/chats/" + chatId + "/close", alice, null);
        Response closed = patch(chatId, alice, Map.of("tags", List.of("late")));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void aCustomerRatesAResolvedChatOnceAndTheAgentsHearOfIt() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "I cannot log in");
        post("/api/chats/" + chatId + "/assign", alice, null);

        Response early = api.post("/api/chats/" + chatId + "/rating", carla.token(), Map.of("score", 5));
        assertThat(early.status()).as(early.body().toString()).isEqualTo(409);
        assertThat(early.errorCode()).isEqualTo("CONFLICT");

        post("/api/chats/" + chatId + "/status", alice, Map.of("status", "resolved"));
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        join(carlaSocket, chatId);
        Response rated = api.post("/api/chats/" + chatId + "/rating", carla.token(),
                Map.of("score", 4, "comment", "Quick, thanks"));
        assertThat(rated.status()).as(rated.body().toString()).isEqualTo(201);
        assertThat(rated.data().path("chatId").asText()).isEqualTo(chatId);
        assertThat(rated.data().path("score").asInt()).isEqualTo(4);
        assertThat(rated.data().path("comment").asText()).isEqualTo("Quick, thanks");
        assertThat(rated.data().path("ratedAt").asText()).matches(API_TIME);

        JsonNode pushed = aliceSocket.await("chatRated", r -> r.path("chatId").asText().equals(chatId));
        assertThat(pushed.path("score").asInt()).isEqualTo(4);
        assertThat(pushed.path("comment").asText()).isEqualTo("Quick, thanks");
        assertThat(pushed.path("ratedAt").asText()).isEqualTo(rated.data().path("ratedAt").asText());

        Response again = api.post("/api/chats/" + chatId + "/rating", carla.token(), Map.of("score", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");

        for (Person viewer : List.of(carla, alice)) {
            JsonNode rating = api.get("/api/chats/" + chatId, viewer.token()).data().path("rating");
            assertThat(rating.path("score").asInt()).isEqualTo(4);
            assertThat(rating.path("comment").asText()).isEqualTo("Quick, thanks");
            assertThat(rating.path("ratedAt").asText()).isEqualTo(rated.data().path("ratedAt").asText());
        }
        JsonNode row = api.get("/api/chats?limit=100&status=resolved", alice.token()).data();
        JsonNode mine = null;
        for (JsonNode chat : row) if (chat.path("id").asText().equals(chatId)) mine = chat;
        assertThat(mine).isNotNull();
        assertThat(mine.path("rating").path("score").asInt()).isEqualTo(4);
        // The rating is for the team: the customer's own socket hears no chatRated (the 201 was its answer).
        assertThat(carlaSocket.all("chatRated")).isEmpty();

        // The read models agree with the events, and the audit trail's state of the chat holds tags and rating.
        assertThat(patch(chatId, alice, Map.of("tags", List.of("login"))).status()).isEqualTo(200);
        JsonNode check = api.get("/api/admin/chats/" + chatId + "/check", admin).data();
        assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();
        String later = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS).toString();
        JsonNode state = api.get("/api/audit/chats/" + chatId + "/state?at=" + later, admin).data();
        assertThat(state.path("rating").path("score").asInt()).as(state.toString()).isEqualTo(4);
        assertThat(texts(state.path("tags"))).containsExactly("login");
    }

    @Test
    void twoRatingsAtTheSameMomentStoreOne() throws Exception {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hello");
        post("/api/chats/" + chatId + "/close", alice, null);
        String path = "/api/chats/" + chatId + "/rating";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int score = 2; score <= 5; score++) {
            int mine = score;
            answers.add(pool.submit(() -> {
                go.await();
                return api.post(path, carla.token(), Map.of("score", mine));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        int stored = 0;
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            statuses.add(r.status());
            if (r.status() == 201) stored = r.data().path("score").asInt();
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        assertThat(api.get("/api/chats/" + chatId, carla.token()).data().path("rating").path("score").asInt())
                .isEqualTo(stored);
    }

    @Test
    void aGuestRatesAClosedChat() {
        GuestStart gus = guest("Gus", "Hello from a guest");
        Person alice = staff("Alice", "agent");
        post("/api/chats/" + gus.chatId() + "/close", alice, Map.of("resolutionSummary", "Answered"));
        Response rated = api.post("/api/chats/" + gus.chatId() + "/rating", gus.guest().token(),
                Map.of("score", 1));
        assertThat(rated.status()).as(rated.body().toString()).isEqualTo(201);
        assertThat(rated.data().path("comment").isNull()).isTrue();
        assertThat(api.get("/api/chats/" + gus.chatId(), gus.guest().token()).data()
                .path("rating").path("score").asInt()).isEqualTo(1);
    }

    @Test
    void badRatingsAreRefusedAndOnlyTheChatsCustomerRates() {
        Person carla = customer("Carla");
        Person other = customer("Olga");
        Person alice = staff("Alice", "agent");
        Person audrey = staff("Audrey", "auditor");
        String chatId = startChat(carla, "Hello");
        post("/api/chats/" + chatId + "/status", alice, Map.of("status", "resolved"));
        String path = "/api/chats/" + chatId + "/rating";
        int before = storedEvents(chatId);

        for (String body : List.of("{\"score\":\"5\"}", "{\"score\":5.5}", "{\"score\":5.0}", "{\"score\":0}",
                "{\"score\":6}", "{}", "{\"score\":null}", "{\"score\":true}", "{\"score\":9999999999999}",
                "{\"score\":5,\"comment\":7}", "{\"score\":5,\"comment\":\"" + "c".repeat(1001) + "\"}")) {
            Response r = api.postRaw(path, carla.token(), body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.post(path, alice.token(), Map.of("score", 5)).status()).isEqualTo(403);
        assertThat(api.post(path, audrey.token(), Map.of("score", 5)).status()).isEqualTo(403);
        assertThat(api.post(path, other.token(), Map.of("score", 5)).status()).isEqualTo(404);
        assertThat(api.post("/api/chats/no-such-chat/rating", carla.token(), Map.of("score", 5)).status())
                .isEqualTo(404);
        assertThat(storedEvents(chatId)).isEqualTo(before);
    }
}
