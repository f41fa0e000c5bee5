package io.parley.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The read endpoints over real HTTP: envelopes, paging, parameter checks and who may read what. */
abstract class ChatReadApiTests extends QueryScenario {
    @LocalServerPort
    int port;
    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = login("admin@parley.test", "admin-password-1");
    }

    @Test
    void listsAnswerWithTheirPageInThePagination() {
        String category = unique("http-paging");
        String agent = staff("Alice", "agent");
        for (String name : List.of("Ann", "Ben", "Cy")) startChat(registerCustomer(name), category, "hello");

        Response first = api.get("/api/chats?category=" + category + "&limit=2", agent);
        Response second = api.get("/api/chats?category=" + category + "&limit=2&page=2", agent);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("success").asBoolean()).isTrue();
        assertThat(first.data()).hasSize(2);
        JsonNode pagination = first.body().path("pagination");
        assertThat(pagination.path("page").asInt()).isEqualTo(1);
        assertThat(pagination.path("limit").asInt()).isEqualTo(2);
        assertThat(pagination.path("total").asLong()).isEqualTo(3);
        assertThat(pagination.path("totalPages").asInt()).isEqualTo(2);
        assertThat(pagination.path("hasNext").asBoolean()).isTrue();
        assertThat(pagination.path("hasPrev").asBoolean()).isFalse();
        assertThat(second.data()).hasSize(1);
        assertThat(second.body().path("pagination").path("hasPrev").asBoolean()).isTrue();
        assertThat(second.body().path("pagination").path("hasNext").asBoolean()).isFalse();
    }

    @Test
    void aCustomersOwnListHoldsTheirChatWithItsLastMessage() {
        String carla = registerCustomer("Carla");
        String chatId = startChat(carla, "general", "my printer is on fire");

        Response mine = api.get("/api/chats/mine", carla);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.data()).hasSize(1);
        JsonNode chat = mine.data().get(0);
        assertThat(chat.path("id").asText()).isEqualTo(chatId);
        assertThat(chat.path("lastMessage").path("content").asText()).isEqualTo("my printer is on fire");
        assertThat(chat.path("lastMessage").path("readAt").isNull()).isTrue();
        assertThat(chat.path("unreadCount").asLong()).isZero();
        assertThat(mine.body().path("pagination").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void badListAndWindowParametersAreValidationErrors() {
        String agent = staff("Vic", "agent");
        String carla = registerCustomer("Carla");
        String chatId = startChat(carla, "general", "hi");

        for (String query : List.of("limit=0", "limit=101", "page=0", "page=abc", "status=archived",
                "status=open,bogus", "priority=asap")) {
            Response r = api.get("/api/chats?" + query, agent);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        for (String query : List.of("limit=201", "limit=0", "afterSeq=-1", "beforeSeq=x")) {
            Response r = api.get("/api/chats/" + chatId + "/messages?" + query, carla);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get("/api/chats/mine?limit=101", carla).status()).isEqualTo(400);
    }

    @Test
    void messagesComeAscendingInTheRequestedWindow() {
        String carla = registerCustomer("Carla");
        String chatId = startChat(carla, "general", "m1");
        for (int i = 2; i <= 5; i++) {
            Response sent = api.post("/api/chats/" + chatId + "/messages", carla, Map.of("content", "m" + i));
            assertThat(sent.status()).isEqualTo(201);
        }

        assertThat(seqs(api.get("/api/chats/" + chatId + "/messages?limit=2", carla))).containsExactly(4L, 5L);
        assertThat(seqs(api.get("/api/chats/" + chatId + "/messages?beforeSeq=4&limit=2", carla)))
                .containsExactly(2L, 3L);
        assertThat(seqs(api.get("/api/chats/" + chatId + "/messages?afterSeq=3", carla))).containsExactly(4L, 5L);
        assertThat(seqs(api.get("/api/chats/" + chatId + "/messages", carla))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void anAuditorReadsChatsAndMessagesButNotTheInbox() {
        String auditor = staff("Audrey", "auditor");
        String chatId = startChat(registerCustomer("Carla"), "general", "audit me");

        Response inbox = api.get("/api/chats", auditor);
        assertThat(inbox.status()).isEqualTo(403);
        assertThat(inbox.errorCode()).isEqualTo("FORBIDDEN");
        Response chat = api.get("/api/chats/" + chatId, auditor);
        assertThat(chat.status()).isEqualTo(200);
        assertThat(chat.data().path("unreadCount").asLong()).isZero();
        assertThat(api.get("/api/chats/" + chatId + "/messages", auditor).data()).hasSize(1);
        Response unread = api.get("/api/chats/unread-count", auditor);
        assertThat(unread.data().path("total").asLong()).isZero();
        assertThat(unread.data().path("chats")).isEmpty();
    }

    @Test
    void unreadCountsShowWhatTheAgentHasNotSeen() {
        String carla = registerCustomer("Carla");
        String chatId = startChat(carla, "general", "hello?");
        String alice = staff("Alice", "agent");
        assertThat(api.post("/api/chats/" + chatId + "/assign", alice, null).status()).isEqualTo(200);

        Response unread = api.get("/api/chats/unread-count", alice);

        assertThat(unread.status()).isEqualTo(200);
        assertThat(unread.data().path("total").asLong()).isEqualTo(3);
        assertThat(unread.data().path("chats").get(0).path("chatId").asText()).isEqualTo(chatId);
        assertThat(unread.data().path("chats").get(0).path("unreadCount").asLong()).isEqualTo(3);
    }

    private String login(String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data().path("token").asText();
    }

    private String registerCustomer(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response r = api.post("/api/auth/register", null,
                Map.of("name", name, "email", email, "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().path("token").asText();
    }

    private String staff(String name, String role) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin,
                Map.of("name", name, "email", email, "password", "staff-password-1", "role", role));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return login(email, "staff-password-1");
    }

    private String startChat(String token, String category, String message) {
        Response r = api.post("/api/chats", token, Map.of("message", message, "category", category));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().path("chat").path("id").asText();
    }

    private static List<Long> seqs(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<Long> seqs = new ArrayList<>();
        response.data().forEach(m -> seqs.add(m.path("seq").asLong()));
        return seqs;
    }
}
