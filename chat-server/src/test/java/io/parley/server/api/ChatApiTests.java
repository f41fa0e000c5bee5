package io.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat API over real HTTP, as the README's walkthrough uses it. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ChatApiTests {
    @LocalServerPort
    int port;
    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = login("admin@parley.test", "admin-password-1");
    }

    String login(String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data().path("token").asText();
    }

    String registerCustomer(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response r = api.post("/api/auth/register", null,
                Map.of("name", name, "email", email, "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().path("token").asText();
    }

    String createStaff(String name, String role) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin,
                Map.of("name", name, "email", email, "password", "staff-password-1", "role", role));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return login(email, "staff-password-1");
    }

    JsonNode startChat(String token, String message) {
        Response r = api.post("/api/chats", token, Map.of("message", message, "subject", "Login problem",
                "category", "account", "priority", "high"));
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
        return r.data();
    }

    @Test
    void theWholeConversationWorksAsTheWalkthroughShows() {
        String customer = registerCustomer("Carla");
        JsonNode started = startChat(customer, "I cannot log in");
        JsonNode chat = started.path("chat");
        String chatId = chat.path("id").asText();
        assertThat(started.path("isExisting").asBoolean()).isFalse();
        assertThat(chat.path("ticketNumber").asText()).matches("TKT-\\d{4}-\\d{6}");
        assertThat(chat.path("status").asText()).isEqualTo("open");
        assertThat(chat.path("priority").asText()).isEqualTo("high");
        assertThat(chat.path("customer").path("type").asText()).isEqualTo("user");
        assertThat(chat.path("assignedAgent").isNull()).isTrue();
        assertThat(chat.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(started.path("messages").get(0).path("seq").asLong()).isEqualTo(1);

        // A second start while the chat is active returns it and adds nothing.
        Response again = api.post("/api/chats", customer, Map.of("message", "Hello?"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().path("isExisting").asBoolean()).isTrue();
        assertThat(again.data().path("chat").path("id").asText()).isEqualTo(chatId);
        assertThat(again.data().path("messages")).hasSize(1);

        String agent = createStaff("Alice", "agent");
        Response inbox = api.get("/api/chats?status=active&assignee=none&limit=100", agent);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(ids(inbox.data())).contains(chatId);
        assertThat(inbox.body().path("pagination").path("page").asInt()).isEqualTo(1);

        Response assigned = api.post("/api/chats/" + chatId + "/assign", agent, null);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.data().path("status").asText()).isEqualTo("in_progress");
        assertThat(assigned.data().path("assignedAgent").path("name").asText()).isEqualTo("Alice");

        Response reply = api.post("/api/chats/" + chatId + "/messages", agent,
                Map.of("content", "Hi Carla, I reset your password.", "clientMessageId", "a-1"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.data().path("senderType").asText()).isEqualTo("agent");
        Response retried = api.post("/api/chats/" + chatId + "/messages", agent,
                Map.of("content", "Hi Carla, I reset your password.", "clientMessageId", "a-1"));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.data().path("id").asText()).isEqualTo(reply.data().path("id").asText());
        assertThat(retried.data().path("seq").asLong()).isEqualTo(reply.data().path("seq").asLong());

        Response unread = api.get("/api/chats/unread-count", customer);
        assertThat(unread.data().path("total").asLong()).isEqualTo(1);
        Response read = api.post("/api/chats/" + chatId + "/read", customer, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().path("upToSeq").asLong()).isEqualTo(reply.data().path("seq").asLong());
        assertThat(api.get("/api/chats/unread-count", customer).data().path("total").asLong()).isZero();
        JsonNode agentsMessage = last(api.get("/api/chats/" + chatId + "/messages", agent).data());
        assertThat(agentsMessage.path("readAt").isNull()).isFalse();

        Response resolved = api.post("/api/chats/" + chatId + "/status", agent,
                Map.of("status", "resolved", "resolutionSummary", "Password reset"));
        assertThat(resolved.data().path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.data().path("resolvedAt").isNull()).isFalse();
        Response closed = api.post("/api/chats/" + chatId + "/close", agent,
                Map.of("resolutionSummary", "Password reset, customer confirmed"));
        assertThat(closed.data().path("status").asText()).isEqualTo("closed");
        assertThat(closed.data().path("resolutionSummary").asText()).isEqualTo("Password reset, customer confirmed");

        Response mine = api.get("/api/chats/mine", customer);
        assertThat(mine.data().get(0).path("id").asText()).isEqualTo(chatId);
        assertThat(mine.data().get(0).path("status").asText()).isEqualTo("closed");
        JsonNode history = api.get("/api/chats/" + chatId + "/messages", customer).data();
        List<String> senders = new ArrayList<>();
        history.forEach(m -> senders.add(m.path("senderType").asText()));
        assertThat(senders).contains("user", "agent", "system");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("seq").asLong()).isEqualTo(i + 1);
        }

        Response late = api.post("/api/chats/" + chatId + "/messages", customer, Map.of("content", "one more"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("CONFLICT");
        assertThat(late.body().path("success").asBoolean()).isFalse();
    }

    @Test
    void anotherCustomerCannotSeeOrTouchAChat() {
        String owner = registerCustomer("Owner");
        String chatId = startChat(owner, "private").path("chat").path("id").asText();
        String stranger = registerCustomer("Stranger");

        assertThat(api.get("/api/chats/" + chatId, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/chats/" + chatId + "/messages", stranger).status()).isEqualTo(404);
        Response write = api.post("/api/chats/" + chatId + "/messages", stranger, Map.of("content", "hi"));
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/chats/" + chatId + "/close", stranger, null).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/chats/mine", stranger).data())).doesNotContain(chatId);
        assertThat(api.get("/api/chats?limit=5", stranger).status()).isEqualTo(403);
    }

    @Test
    void bodiesAreReadStrictlyAndARefusedOneStoresNothing() {
        String customer = registerCustomer("Stella");
        String chatId = startChat(customer, "hello").path("chat").path("id").asText();
        String messages = "/api/chats/" + chatId + "/messages";

        for (String wrong : List.of("{\"content\":123}", "{\"content\":true}", "{\"content\":1.5}")) {
            Response refused = api.send("POST", messages, customer, wrong);
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().at("/error/details").findValuesAsText("field")).as(wrong).contains("content");
        }
        Response duplicate = api.send("POST", messages, customer, "{\"content\":\"a\",\"content\":\"b\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("VALIDATION_FAILED");
        Response login = api.send("POST", "/api/auth/login", null,
                "{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"x\"}");
        assertThat(login.status()).isEqualTo(400);
        for (String type : List.of("application/*", "*/*", "text/plain")) {
            Response odd = api.send("POST", messages, customer, "{\"content\":\"typed oddly\"}", "Content-Type", type);
            assertThat(odd.status()).as(type).isIn(201, 415);
            assertThat(odd.body().path("success").isBoolean()).as(type).isTrue();
        }

        JsonNode history = api.get(messages, customer).data();
        assertThat(history).extracting(m -> m.path("content").asText())
                .noneMatch(content -> content.matches("123|true|1\\.5|a|b"));
    }

    @Test
    void aGuestChatsWithATokenThatOnlyOpensTheirOwnChat() {
        Response guestStart = api.post("/api/chats/guest", null, Map.of("name", "Gus", "message", "Hello from a guest"));
        assertThat(guestStart.status()).as(guestStart.body().toString()).isEqualTo(201);
        String guestToken = guestStart.data().path("guestToken").asText();
        String chatId = guestStart.data().path("chat").path("id").asText();
        assertThat(guestStart.data().path("chat").path("customer").path("type").asText()).isEqualTo("guest");

        Response again = api.post("/api/chats/guest", guestToken, Map.of("name", "Gus", "message", "Still there?"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().path("isExisting").asBoolean()).isTrue();
        assertThat(again.data().path("chat").path("id").asText()).isEqualTo(chatId);
        assertThat(ids(api.get("/api/chats/mine", guestToken).data())).containsExactly(chatId);
        assertThat(api.post("/api/chats/" + chatId + "/messages", guestToken, Map.of("content", "more")).status())
                .isEqualTo(201);

        String user = registerCustomer("Ursula");
        String usersChat = startChat(user, "mine").path("chat").path("id").asText();
        assertThat(api.get("/api/chats/" + usersChat, guestToken).status()).isEqualTo(404);
        assertThat(api.get("/api/chats?limit=5", guestToken).status()).isEqualTo(403);

        // A signed-in customer does not become a guest: refused, and no guest chat is opened for it.
        Response asGuest = api.post("/api/chats/guest", user, Map.of("name", "Ursula", "message", "as a guest"));
        assertThat(asGuest.status()).isEqualTo(403);
        assertThat(asGuest.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(ids(api.get("/api/chats/mine", user).data())).containsExactly(usersChat);
    }

    @Test
    void badInputGetsAClearErrorAndStoresNothing() {
        String customer = registerCustomer("Bad");
        Response noMessage = api.post("/api/chats", customer, Map.of("subject", "x"));
        assertThat(noMessage.status()).isEqualTo(400);
        assertThat(noMessage.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/chats", customer, Map.of("message", "x", "priority", "whenever")).status())
                .isEqualTo(400);
        assertThat(api.postRaw("/api/chats", customer, "{\"message\": ").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/chats", customer, "{\"message\": [1,2]}").status()).isEqualTo(400);
        assertThat(api.get("/api/chats/mine", customer).data()).isEmpty();

        String chatId = startChat(customer, "ok").path("chat").path("id").asText();
        Response tooLong = api.post("/api/chats/" + chatId + "/messages", customer, Map.of("content", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        Response empty = api.post("/api/chats/" + chatId + "/messages", customer, Map.of("content", ""));
        assertThat(empty.status()).isEqualTo(400);
        Response beyond = api.post("/api/chats/" + chatId + "/read", customer, Map.of("upToSeq", 99));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(api.get("/api/chats/" + chatId + "/messages", customer).data()).hasSize(1);

        String agent = createStaff("Vic", "agent");
        Response pending = api.post("/api/chats/" + chatId + "/status", agent, Map.of("status", "pending"));
        assertThat(pending.status()).isEqualTo(409);
        assertThat(api.post("/api/chats/" + chatId + "/status", agent, Map.of("status", "nonsense")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/chats/" + chatId + "/assign", customer, null).status()).isEqualTo(403);
        assertThat(api.get("/api/chats/" + UUID.randomUUID(), agent).status()).isEqualTo(404);
        assertThat(api.post("/api/chats/" + UUID.randomUUID() + "/messages", agent, Map.of("content", "x")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/chats/" + chatId, null).errorCode()).isEqualTo("AUTH_REQUIRED");
    }

    @Test
    void onlyAdminsAssignOthersAndAHeldChatIsAConflictForOtherAgents() {
        String customer = registerCustomer("Held");
        String chatId = startChat(customer, "help").path("chat").path("id").asText();
        String alice = createStaff("Alice", "agent");
        String bob = createStaff("Bob", "agent");
        String bobId = api.get("/api/auth/me", bob).data().path("id").asText();

        assertThat(api.post("/api/chats/" + chatId + "/assign", alice, Map.of("agentId", bobId)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/chats/" + chatId + "/assign", alice, null).status()).isEqualTo(200);
        Response taken = api.post("/api/chats/" + chatId + "/assign", bob, null);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("CONFLICT");

        Response transfer = api.post("/api/chats/" + chatId + "/assign", admin, Map.of("agentId", bobId));
        assertThat(transfer.status()).isEqualTo(200);
        assertThat(transfer.data().path("assignedAgent").path("id").asText()).isEqualTo(bobId);
        assertThat(api.post("/api/chats/" + chatId + "/assign", admin, Map.of("agentId", "no-such-agent")).status())
                .isEqualTo(404);
    }

    @Test
    void theCustomerTheHolderAndAdminsWriteAndAnAgentWritingInAnUnheldChatTakesIt() {
        String customer = registerCustomer("Wren");
        String chatId = startChat(customer, "who answers?").path("chat").path("id").asText();
        String alice = createStaff("Alice", "agent");
        String bob = createStaff("Bob", "agent");
        String aliceId = api.get("/api/auth/me", alice).data().path("id").asText();

        assertThat(api.post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "I can help")).status())
                .isEqualTo(201);
        JsonNode chat = api.get("/api/chats/" + chatId, customer).data();
        assertThat(chat.path("assignedAgent").path("id").asText()).as("writing took the chat").isEqualTo(aliceId);
        assertThat(chat.path("status").asText()).isEqualTo("in_progress");

        Response other = api.post("/api/chats/" + chatId + "/messages", bob, Map.of("content", "me too"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorCode()).isEqualTo("CONFLICT");
        assertThat(api.post("/api/chats/" + chatId + "/messages", admin, Map.of("content", "admin here")).status())
                .isEqualTo(201);
        List<String> contents = new ArrayList<>();
        api.get("/api/chats/" + chatId + "/messages", customer).data()
                .forEach(m -> contents.add(m.path("content").asText()));
        assertThat(contents).contains("who answers?", "Alice joined the chat", "I can help", "admin here")
                .doesNotContain("me too");
    }

    @Test
    void twoAgentsTakingOneChatAtOnceEndWithOneHolderAndOneConflict() throws Exception {
        String customer = registerCustomer("Race");
        String chatId = startChat(customer, "race").path("chat").path("id").asText();
        List<String> agents = List.of(createStaff("R1", "agent"), createStaff("R2", "agent"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String agent : agents) {
                results.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/chats/" + chatId + "/assign", agent, null).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) statuses.add(f.get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFirstMessageOfFourThousandEmojiIsAcceptedAndOneMoreIsNamedAsTheFieldAtFault() {
        String customer = registerCustomer("Emma");
        String fourThousand = "\uD83D\uDE00".repeat(4000); // 4000 characters, 8000 UTF-16 units
        Response started = api.post("/api/chats", customer, Map.of("message", fourThousand));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.data().path("messages").get(0).path("content").asText()).isEqualTo(fourThousand);

        String chatId = started.data().path("chat").path("id").asText();
        Response tooLong = api.post("/api/chats/" + chatId + "/messages", customer,
                Map.of("content", "a".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooLong.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("content");
    }

    @Test
    void aPageBeyondAnyListIsAValidationErrorNotAServerError() {
        String agent = createStaff("Paige", "agent");
        for (String path : List.of("/api/chats?page=2000000000", "/api/chats/mine?page=2000000000&limit=100")) {
            String token = path.contains("mine") ? registerCustomer("Pat") : agent;
            Response r = api.get(path, token);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("page");
        }
        Response users = api.get("/api/admin/users?page=2000000000&limit=100", admin);
        assertThat(users.status()).as(users.body().toString()).isEqualTo(400);
        assertThat(api.get("/api/admin/users?limit=101", admin).status()).isEqualTo(400);
    }

    @Test
    void anAuditorReadsButCannotWrite() {
        String customer = registerCustomer("Ada");
        String chatId = startChat(customer, "Hello").path("chat").path("id").asText();
        String auditor = createStaff("Audrey", "auditor");
        assertThat(api.get("/api/chats/" + chatId + "/messages", auditor).status()).isEqualTo(200);
        for (String path : List.of("/messages", "/read", "/assign", "/status", "/close")) {
            Response r = api.post("/api/chats/" + chatId + path, auditor, Map.of("content", "x", "status",
                    "pending"));
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.body().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.post("/api/chats", auditor, Map.of("message", "x")).status()).isEqualTo(403);
        assertThat(api.get("/api/chats/" + chatId + "/messages", customer).data()).hasSize(1);
    }

    @Test
    void theApiDocsShowAnExampleAnswerForEveryEndpoint() {
        JsonNode docs = api.get("/v3/api-docs", null).body();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) docs.path("paths")::fields) {
            if (!path.getKey().startsWith("/api/")) continue;
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (name.equals("POST /api/auth/logout") || name.equals("POST /api/auth/password")
                        || name.endsWith("/replay") || name.startsWith("DELETE ")) continue; // 204, 202: no body
                if (name.startsWith("GET /api/media/")) continue; // the file's bytes, not an envelope
                if (name.equals("GET /api/audit/events")) continue; // NDJSON lines, not an envelope
                operations++;
                boolean example = false;
                for (var response : (Iterable<Map.Entry<String, JsonNode>>) operation.getValue()
                        .path("responses")::fields) {
                    if (response.getKey().startsWith("2")) {
                        example |= !response.getValue().findValues("success").isEmpty();
                    }
                }
                if (!example) missing.add(name);
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(18);
        assertThat(missing).as("operations without an example answer").isEmpty();
        JsonNode inbox = docs.at("/paths/~1api~1chats/get/parameters");
        assertThat(inbox.findValuesAsText("description")).anyMatch(d -> d.contains("`active`"))
                .anyMatch(d -> d.contains("`none`"));
    }

    private static List<String> ids(JsonNode chats) {
        List<String> ids = new ArrayList<>();
        chats.forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
