package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api.Response;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.parley.server.realtime.RealtimeFlowTests.mentions;
import static org.assertj.core.api.Assertions.assertThat;

/** Right sockets only, REST and sockets alike, and errors as acknowledgements, never crashes. */
@H2Database
class RealtimeDeliveryH2IT extends RealtimeTestBase {
    static final Duration QUIET = Duration.ofMillis(600);

    @Test
    void aCustomerNeverGetsAnotherCustomersChatEvents() {
        Person carla = customer("Carla");
        Person olga = customer("Olga");
        Person alice = staff("Alice", "agent");
        String carlasChat = startChat(carla, "Mine");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket olgaSocket = socket(olga, POLLING);
        join(carlaSocket, carlasChat);

        assertThat(errorCode(olgaSocket.call("joinChat", Map.of("chatId", carlasChat)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(olgaSocket.call("typing", Map.of("chatId", carlasChat, "isTyping", true))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(olgaSocket.call("sendMessage", Map.of("chatId", carlasChat, "content", "hi"))))
                .isEqualTo("NOT_FOUND");
        post("/api/chats/" + carlasChat + "/assign", alice, null);
        post("/api/chats/" + carlasChat + "/messages", alice, Map.of("content", "Hello Carla"));
        ok(carlaSocket.call("typing", Map.of("chatId", carlasChat, "isTyping", true)));
        post("/api/chats/" + carlasChat + "/status", alice, Map.of("status", "pending"));
        carlaSocket.await("chatStatusChanged", s -> s.path("status").asText().equals("pending"));

        olgaSocket.assertNo("newMessage", m -> true, QUIET);
        assertThat(mentions(olgaSocket, carlasChat)).isEmpty();
        assertThat(olgaSocket.names()).doesNotContain("newChat", "chatAssigned", "inboxUpdate", "userTyping");
    }

    @Test
    void aGuestNeverGetsAgentsEvents() {
        GuestStart gus = guest("Gus", "Hello");
        TestSocket gusSocket = socket(gus.guest(), WEBSOCKET);
        join(gusSocket, gus.chatId());
        Person alice = staff("Alice", "agent");
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        TestSocket watcher = socket(staff("Walter", "agent"), WEBSOCKET);

        String otherChat = startChat(customer("Carla"), "Another customer");
        watcher.await("newChat", c -> c.path("id").asText().equals(otherChat));
        ok(aliceSocket.call("setAvailability", Map.of("availability", "busy")));
        watcher.await("agentAvailability", a -> a.path("agentId").asText().equals(alice.id()));
        post("/api/chats/" + otherChat + "/assign", alice, null);
        watcher.await("chatAssigned", a -> a.path("chatId").asText().equals(otherChat));

        gusSocket.assertNo("newChat", c -> true, QUIET);
        assertThat(gusSocket.names()).doesNotContain("newChat", "agentAvailability", "chatAssigned");
        assertThat(mentions(gusSocket, otherChat)).isEmpty();
        assertThat(gusSocket.all("presence")).as("presence of agents not in the guest's chat")
                .noneMatch(p -> p.path("userId").asText().equals(alice.id()));
    }

    @Test
    void restActionsPushLikeSocketActions() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Over REST");
        TestSocket carlaSocket = socket(carla, POLLING);
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        join(carlaSocket, chatId);
        join(aliceSocket, chatId);

        post("/api/chats/" + chatId + "/assign", alice, null);
        carlaSocket.await("chatAssigned", a -> a.path("agentId").asText().equals(alice.id()));
        JsonNode sent = post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "REST reply")).data();
        carlaSocket.await("newMessage", m -> m.path("id").asText().equals(sent.path("id").asText()));
        aliceSocket.await("newMessage", m -> m.path("id").asText().equals(sent.path("id").asText()));
        post("/api/chats/" + chatId + "/read", carla, null);
        aliceSocket.await("messagesRead", r -> r.path("readerId").asText().equals(carla.id())
                && r.path("upToSeq").asLong() == sent.path("seq").asLong());
        post("/api/chats/" + chatId + "/status", alice, Map.of("status", "resolved"));
        carlaSocket.await("chatStatusChanged", s -> s.path("status").asText().equals("resolved"));
        post("/api/chats/" + chatId + "/close", carla, null);
        aliceSocket.await("chatClosed", c -> c.path("closedBy").asText().equals(carla.id()));
        carlaSocket.await("inboxUpdate", u -> u.path("status").asText().equals("closed"));
    }

    @Test
    void badPayloadsAreAnsweredWithValidationErrors() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket socket = socket(carla, WEBSOCKET);

        JsonNode bare = socket.call("joinChat", (Object) chatId);
        assertThat(errorCode(bare)).isEqualTo("VALIDATION_FAILED");
        assertThat(bare.path("error").path("details").get(0).path("field").asText()).isEqualTo("payload");
        JsonNode missing = socket.call("joinChat", Map.of("afterSeq", -1));
        assertThat(errorCode(missing)).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.path("error").path("details").findValuesAsText("field")).contains("chatId", "afterSeq");
        assertThat(errorCode(socket.call("sendMessage", Map.of("chatId", chatId, "content", 42))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("sendMessage", Map.of("chatId", chatId, "content", "x",
                "attachmentIds", "not-a-list")))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("sendMessage", Map.of("chatId", chatId, "content", " "))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("sendMessage", Map.of("chatId", chatId, "content", "x".repeat(4001)))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("typing", Map.of("chatId", chatId)))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("markDelivered", Map.of("chatId", chatId)))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("markRead", Map.of("chatId", chatId, "upToSeq", 99))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("leaveChat", (Object) null))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(socket.call("setAvailability", Map.of("availability", "online")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(socket.call("joinChat", Map.of("chatId", "no-such-chat")))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(socket.call("sendMessage", Map.of("chatId", "no-such-chat", "content", "hi"))))
                .isEqualTo("NOT_FOUND");
        // The socket survived all of it.
        assertThat(ok(socket.call("sendMessage", Map.of("chatId", chatId, "content", "still here")))
                .path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void anAuditorJoinsNoChatRoomAndCannotTypeOrSendIntoOne() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        join(carlaSocket, chatId);
        TestSocket auditor = socket(staff("Audrey", "auditor"), WEBSOCKET);

        assertThat(errorCode(auditor.call("joinChat", Map.of("chatId", chatId)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(auditor.call("typing", Map.of("chatId", chatId, "isTyping", true))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(auditor.call("sendMessage", Map.of("chatId", chatId, "content", "hello"))))
                .isEqualTo("FORBIDDEN");
        carlaSocket.assertNo("typing", m -> true, Duration.ofMillis(300));
        ok(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "still mine")));
        auditor.assertNo("newMessage", m -> true, Duration.ofMillis(300));
    }

    @Test
    void anEventTheServerDoesNotKnowIsAnsweredUnknownEvent() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket socket = socket(carla, WEBSOCKET);

        JsonNode answer = socket.call("send_message", Map.of("chatId", chatId, "content", "hi"));
        assertThat(errorCode(answer)).isEqualTo("UNKNOWN_EVENT");
        assertThat(answer.at("/error/message").asText()).contains("send_message");
        socket.emit("sendMesage", Map.of("chatId", chatId, "content", "hi"));
        JsonNode error = socket.await("chatError");
        assertThat(error.path("event").asText()).isEqualTo("sendMesage");
        assertThat(error.at("/error/code").asText()).isEqualTo("UNKNOWN_EVENT");
        // Nothing was sent: the chat still has its first message only.
        assertThat(ok(socket.call("sendMessage", Map.of("chatId", chatId, "content", "real")))
                .path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void withoutACallbackAFailureArrivesAsChatError() {
        Person carla = customer("Carla");
        TestSocket socket = socket(carla, POLLING);
        socket.emit("sendMessage", Map.of("content", "no chat id"));
        JsonNode error = socket.await("chatError");
        assertThat(error.path("success").asBoolean()).isFalse();
        assertThat(error.path("event").asText()).isEqualTo("sendMessage");
        assertThat(error.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aRejectedCommandPushesNothing() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hi");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        join(carlaSocket, chatId);
        join(aliceSocket, chatId);
        post("/api/chats/" + chatId + "/close", carla, null);
        aliceSocket.await("chatClosed", c -> c.path("chatId").asText().equals(chatId));
        int before = aliceSocket.all("newMessage").size();

        assertThat(errorCode(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "too late"))))
                .isEqualTo("CONFLICT");
        aliceSocket.assertNo("newMessage", m -> m.path("content").asText().equals("too late"), QUIET);
        assertThat(aliceSocket.all("newMessage")).hasSize(before);
    }

    @Test
    void aRolledBackCommandPushesNothing() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket agentSocket = socket(staff("Alice", "agent"), POLLING);
        join(carlaSocket, chatId);
        join(agentSocket, chatId);

        Response failed = api.post("/api/chats/" + chatId + "/messages", carla.token(),
                Map.of("content", RollbackProbe.ROLL_ME_BACK));
        assertThat(failed.status()).isEqualTo(500);
        JsonNode socketFailure = carlaSocket.call("sendMessage", Map.of("chatId", chatId,
                "content", RollbackProbe.ROLL_ME_BACK));
        assertThat(errorCode(socketFailure)).isEqualTo("INTERNAL");
        JsonNode after = ok(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "after")));

        agentSocket.await("newMessage", m -> m.path("content").asText().equals("after"));
        assertThat(after.path("seq").asLong()).as("the rolled-back messages took no seq").isEqualTo(2);
        List<JsonNode> everything = agentSocket.all("newMessage");
        assertThat(everything).noneMatch(m -> m.path("content").asText().equals(RollbackProbe.ROLL_ME_BACK));
        assertThat(carlaSocket.all("newMessage")).noneMatch(m -> m.path("content").asText()
                .equals(RollbackProbe.ROLL_ME_BACK));
        assertThat(agentSocket.all("inboxUpdate")).noneMatch(u -> u.path("lastMessage").path("content").asText()
                .equals(RollbackProbe.ROLL_ME_BACK));
    }
}
