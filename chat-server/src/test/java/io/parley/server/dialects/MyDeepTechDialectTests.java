package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.realtime.RealtimeTestBase;
import io.parley.server.realtime.TestSocket;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003 (MyDeepTech tickets) run as its own documentation writes its clients: the React user widget and admin
 * dashboard (REST under /compat/mydeeptech, socket on /mydeeptech with {@code auth: {token, userType}}), beside an
 * agent on Parley's own protocol in the same chat.
 */
abstract class MyDeepTechDialectTests extends RealtimeTestBase {
    static final String NS = "/mydeeptech";
    static final String BASE = "/compat/mydeeptech/api/chat";

    TestSocket dialectSocket(Person who, String userType) {
        return track(TestSocket.openAt(who.name() + NS, socketServer.port(), NS, who.token(), WEBSOCKET)).connected();
    }

    @Test
    void theSeedsUserAndAdminClientsRunTheirFlowBesideParleysOwnProtocol() {
        Person jane = customer("Jane");
        Person john = staff("John", "agent");
        TestSocket admin = dialectSocket(john, "admin");
        admin.emit("join_admin_room", Map.of());
        JsonNode online = admin.await("admin_status_update", st -> st.path("adminId").asText().equals(john.id()));
        assertThat(online.path("isOnline").asBoolean()).isTrue();
        assertThat(online.path("activeChats").asLong()).isZero();
        TestSocket parley = socket(john, WEBSOCKET);

        // startChat(): POST /api/chat/start, then join_chat_room
        Response started = api.post(BASE + "/start", jane.token(),
                Map.of("message", "Hello, I need help with my account", "category", "account_support",
                        "priority", "medium"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.body().path("success").asBoolean()).isTrue();
        JsonNode data = started.body().path("data");
        String ticketId = data.path("ticketId").asText();
        assertThat(data.path("ticketNumber").asText()).matches("TKT-\\d{4}-\\d{6}");
        assertThat(data.path("status").asText()).isEqualTo("open");
        assertThat(data.path("isExisting").asBoolean()).isFalse();
        assertThat(data.path("messages").get(0).path("message").asText()).isEqualTo("Hello, I need help with my account");
        assertThat(data.path("messages").get(0).path("isAdminReply").asBoolean()).isFalse();
        assertThat(data.path("messages").get(0).path("senderModel").asText()).isEqualTo("DTUser");
        assertThat(data.path("messages").get(0).path("sender").asText()).isEqualTo(jane.id());

        JsonNode ticket = admin.await("new_chat_ticket", t -> t.path("ticketId").asText().equals(ticketId));
        assertThat(ticket.path("userName").asText()).isEqualTo("Jane");
        assertThat(ticket.path("userEmail").asText()).isEqualTo(jane.email());
        assertThat(ticket.path("message").asText()).isEqualTo("Hello, I need help with my account");
        assertThat(ticket.path("category").asText()).isEqualTo("account_support");

        TestSocket user = dialectSocket(jane, "user");
        assertThat(user.call("join_chat_room", Map.of("ticketId", ticketId)).path("success").asBoolean()).isTrue();

        // Again: the active chat comes back, nothing new is created.
        Response again = api.post(BASE + "/start", jane.token(), Map.of("message", "me again"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("data").path("isExisting").asBoolean()).isTrue();
        assertThat(again.body().path("data").path("ticketId").asText()).isEqualTo(ticketId);

        // loadActiveChats(), joinChat(chat)
        Response active = api.get(BASE + "/admin/active?status=active", john.token());
        assertThat(active.status()).as(active.body().toString()).isEqualTo(200);
        JsonNode listed = find(active.body().path("data").path("chats"), ticketId);
        assertThat(listed.path("userId").path("fullName").asText()).isEqualTo("Jane");
        assertThat(listed.path("messages").get(0).path("message").asText()).isEqualTo("Hello, I need help with my account");
        int statusesBefore = admin.all("admin_status_update").size();
        Response joined = api.post(BASE + "/admin/join/" + ticketId, john.token(), null);
        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(200);
        assertThat(joined.body().path("data").path("assignedTo").asText()).isEqualTo(john.id());
        assertThat(joined.body().path("data").path("status").asText()).isEqualTo("in_progress");
        assertThat(joined.body().path("data").path("userName").asText()).isEqualTo("Jane");
        JsonNode agentJoined = user.await("agent_joined", j -> j.path("ticketId").asText().equals(ticketId));
        assertThat(agentJoined.path("agentName").asText()).isEqualTo("John");
        assertThat(agentJoined.path("agentId").asText()).isEqualTo(john.id());
        assertThat(admin.await("chat_assigned", a -> a.path("ticketId").asText().equals(ticketId))
                .path("assignedTo").asText()).isEqualTo(john.id());
        // Taking the chat announces John again (his count as the inbox shows it).
        admin.await("admin_status_update", st -> admin.all("admin_status_update").size() > statusesBefore);
        assertThat(admin.all("admin_status_update").get(statusesBefore).path("adminId").asText())
                .isEqualTo(john.id());
        admin.emit("join_chat", Map.of("ticketId", ticketId));
        join(parley, ticketId);

        // sendAdminMessage()
        admin.emit("admin_send_message", Map.of("ticketId", ticketId, "message", "Hello! How can I help you?"));
        JsonNode reply = user.await("new_message", m -> m.path("message").asText().equals("Hello! How can I help you?"));
        assertThat(reply.path("isAdminReply").asBoolean()).isTrue();
        assertThat(reply.path("senderName").asText()).isEqualTo("John");
        assertThat(reply.path("sender").asText()).isEqualTo(john.id());
        assertThat(admin.await("message_sent", s -> s.path("messageId").asText().equals(reply.path("messageId").asText()))
                .path("status").asText()).isEqualTo("sent");
        assertThat(parley.await("newMessage", m -> m.path("id").asText().equals(reply.path("messageId").asText()))
                .path("seq").asLong()).isEqualTo(reply.path("seq").asLong());

        // sendMessage(): the user's message reaches the dialect admin and Parley's own protocol with one seq
        user.emit("send_message", Map.of("ticketId", ticketId, "message", "Thank you for your help!"));
        JsonNode sent = user.await("message_sent");
        JsonNode own = parley.await("newMessage", m -> m.path("content").asText().equals("Thank you for your help!"));
        assertThat(own.path("id").asText()).isEqualTo(sent.path("messageId").asText());
        assertThat(own.path("senderType").asText()).isEqualTo("user");
        JsonNode seen = admin.await("new_message", m -> m.path("messageId").asText().equals(own.path("id").asText()));
        assertThat(seen.path("seq").asLong()).isEqualTo(own.path("seq").asLong());
        assertThat(seen.path("isAdminReply").asBoolean()).isFalse();
        JsonNode notified = admin.await("user_message", m -> m.path("message").asText().equals("Thank you for your help!"));
        assertThat(notified.path("ticketNumber").asText()).isEqualTo(data.path("ticketNumber").asText());
        assertThat(notified.path("userEmail").asText()).isEqualTo(jane.email());

        // agent typing reaches the user
        admin.emit("user_typing", Map.of("ticketId", ticketId, "isTyping", true));
        JsonNode typing = user.await("agent_typing");
        assertThat(typing.path("agentName").asText()).isEqualTo("John");
        assertThat(typing.path("isTyping").asBoolean()).isTrue();

        // REST reads and the REST fallback
        Response fallback = api.post(BASE + "/" + ticketId + "/message", jane.token(), Map.of("message", "Via REST"));
        assertThat(fallback.status()).as(fallback.body().toString()).isEqualTo(201);
        assertThat(fallback.body().path("data").path("ticketStatus").asText()).isEqualTo("in_progress");
        assertThat(parley.await("newMessage", m -> m.path("content").asText().equals("Via REST"))
                .path("id").asText()).isEqualTo(fallback.body().path("data").path("messageId").asText());
        Response one = api.get(BASE + "/" + ticketId, jane.token());
        assertThat(one.status()).isEqualTo(200);
        JsonNode messages = one.body().path("data").path("ticket").path("messages");
        assertThat(messages.findValuesAsText("message")).containsSubsequence("Hello, I need help with my account",
                "Hello! How can I help you?", "Thank you for your help!", "Via REST");
        assertThat(one.body().path("data").path("ticket").path("assignedTo").path("fullName").asText()).isEqualTo("John");
        Response history = api.get(BASE + "/history?page=1&limit=10", jane.token());
        assertThat(history.status()).isEqualTo(200);
        assertThat(find(history.body().path("data").path("chats"), ticketId).path("status").asText()).isEqualTo("in_progress");
        assertThat(history.body().path("data").path("pagination").path("currentPage").asInt()).isEqualTo(1);

        // closeChat()
        Response closed = api.post(BASE + "/admin/close/" + ticketId, john.token(),
                Map.of("resolutionSummary", "Account issue resolved successfully"));
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().path("data").path("resolutionSummary").asText()).isEqualTo("Account issue resolved successfully");
        JsonNode chatClosed = user.await("chat_closed", c -> c.path("ticketId").asText().equals(ticketId));
        assertThat(chatClosed.path("closedBy").asText()).isEqualTo("John");
        assertThat(chatClosed.path("resolutionSummary").asText()).isEqualTo("Account issue resolved successfully");
        assertThat(parley.await("chatClosed", c -> c.path("chatId").asText().equals(ticketId))).isNotNull();
    }

    @Test
    void aBadTokenIsRefusedOnTheSocketAndOnRest() {
        TestSocket bad = track(TestSocket.openAt("bad" + NS, socketServer.port(), NS, "not-a-token", WEBSOCKET));
        assertThat(bad.connectError().toString()).contains("AUTH_FAILED");
        TestSocket none = track(TestSocket.openAt("none" + NS, socketServer.port(), NS, null, WEBSOCKET));
        assertThat(none.connectError().toString()).contains("AUTH_FAILED");
        Response rest = api.post(BASE + "/start", "not-a-token", Map.of("message", "hi"));
        assertThat(rest.status()).isEqualTo(401);
        assertThat(rest.body().path("success").asBoolean()).isFalse();
        assertThat(rest.body().path("message").asText()).isNotBlank();
        assertThat(api.get(BASE + "/history", null).status()).isEqualTo(401);
    }

    @Test
    void anotherCustomersTicketIsRefusedAsNotFound() {
        Person owner = customer("Owner");
        Person other = customer("Other");
        Response started = api.post(BASE + "/start", owner.token(), Map.of("message", "mine"));
        String ticketId = started.body().path("data").path("ticketId").asText();
        TestSocket intruder = dialectSocket(other, "user");

        JsonNode refused = intruder.call("join_chat_room", Map.of("ticketId", ticketId));
        assertThat(refused.path("success").asBoolean()).isFalse();
        assertThat(refused.path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(refused.path("ticketId").asText()).isEqualTo(ticketId);
        intruder.emit("send_message", Map.of("ticketId", ticketId, "message", "let me in"));
        assertThat(intruder.await("chat_error").path("type").asText()).isEqualTo("message_failed");
        Response hidden = api.get(BASE + "/" + ticketId, other.token());
        assertThat(hidden.status()).isEqualTo(404);
        // The seed's own error shape, beside Parley's code.
        assertThat(hidden.body().path("success").asBoolean()).isFalse();
        assertThat(hidden.body().path("message").isTextual()).as(hidden.body().toString()).isTrue();
        assertThat(hidden.body().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.post(BASE + "/" + ticketId + "/message", other.token(), Map.of("message", "x")).status())
                .isIn(403, 404);
        // A customer is no admin.
        assertThat(api.post(BASE + "/admin/join/" + ticketId, other.token(), null).status()).isEqualTo(403);
        assertThat(intruder.call("admin_close_chat", Map.of("ticketId", ticketId)).path("code").asText())
                .isEqualTo("FORBIDDEN");
        TestSocket ownerSocket = dialectSocket(owner, "user");
        ownerSocket.call("join_chat_room", Map.of("ticketId", ticketId));
        ownerSocket.assertNo("new_message", m -> m.path("message").asText().equals("let me in"), Duration.ofMillis(300));
    }

    @Test
    void anUnknownEventOrAWrongTypeIsAnsweredInTheSeedsErrorShape() {
        Person someone = customer("Curious");
        TestSocket socket = dialectSocket(someone, "user");
        JsonNode unknown = socket.call("sendMessage", Map.of("chatId", "x", "content", "Parley's name, not 003's"));
        assertThat(unknown.path("success").asBoolean()).isFalse();
        assertThat(unknown.path("code").asText()).isEqualTo("UNKNOWN_EVENT");
        JsonNode wrongType = socket.call("send_message", Map.of("ticketId", 42, "message", "hi"));
        assertThat(wrongType.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        Response noMessage = api.post(BASE + "/start", someone.token(), Map.of("category", "x"));
        assertThat(noMessage.status()).isEqualTo(400);
        assertThat(noMessage.body().path("message").asText()).isEqualTo("Initial message is required to start chat");
    }

    static JsonNode find(JsonNode chats, String id) {
        for (JsonNode chat : chats) {
            if (chat.path("_id").asText().equals(id)) return chat;
        }
        throw new AssertionError(id + " not in " + chats);
    }
}
