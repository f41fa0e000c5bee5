package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000 end to end, as clients see it: a registered user, a guest and two agents, over REST and sockets,
 * with every push arriving at the right sockets and never at the wrong ones. Run over both transports.
 */
abstract class RealtimeFlowTests extends RealtimeTestBase {
    static final String API_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    static final Duration QUIET = Duration.ofMillis(500);

    @Test
    void theSeedFlowWorksOverWebsocket() {
        seedFlow(WEBSOCKET);
    }

    @Test
    void theSeedFlowWorksOverPolling() {
        seedFlow(POLLING);
    }

    private void seedFlow(String transport) {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        Person bob = staff("Bob", "agent");
        TestSocket intruder = track(TestSocket.open("intruder", socketServer.port(), "not-a-token", transport));
        assertThat(intruder.connectError().path("code").asText()).isEqualTo("AUTH_FAILED");
        TestSocket aliceSocket = socket(alice, transport);
        TestSocket aliceTab = socket(alice, transport);
        TestSocket bobSocket = socket(bob, transport);
        TestSocket carlaSocket = socket(carla, transport);

        // Carla opens a ticket over REST: every agent hears of it, and Carla's own inbox row appears.
        String chatId = startChat(carla, "I cannot log in");
        JsonNode newChat = aliceSocket.await("newChat", c -> c.path("id").asText().equals(chatId));
        assertThat(newChat.path("ticketNumber").asText()).matches("TKT-\\d{4}-\\d{6}");
        assertThat(newChat.path("status").asText()).isEqualTo("open");
        assertThat(newChat.path("customer").path("name").asText()).isEqualTo("Carla");
        assertThat(newChat.path("assignedAgent").isNull()).isTrue();
        assertThat(newChat.path("createdAt").asText()).matches(API_TIME);
        bobSocket.await("newChat", c -> c.path("id").asText().equals(chatId));
        JsonNode carlaRow = carlaSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(chatId));
        assertThat(carlaRow.path("status").asText()).isEqualTo("open");
        assertThat(carlaRow.path("lastMessage").path("content").asText()).isEqualTo("I cannot log in");
        aliceSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(chatId)
                && u.path("assignedAgent").isNull() && u.path("unreadCount").asLong() == 1);

        // A guest opens one too; each customer joins their own chat and only that one.
        GuestStart gus = guest("Gus", "Hello from a guest");
        TestSocket gusSocket = socket(gus.guest(), transport);
        JsonNode carlaJoin = join(carlaSocket, chatId);
        assertThat(carlaJoin.path("chat").path("id").asText()).isEqualTo(chatId);
        assertThat(carlaJoin.path("missed")).hasSize(1);
        assertThat(carlaJoin.path("missed").get(0).path("content").asText()).isEqualTo("I cannot log in");
        assertThat(errorCode(carlaSocket.call("joinChat", Map.of("chatId", gus.chatId())))).isEqualTo("NOT_FOUND");
        join(gusSocket, gus.chatId());
        join(aliceSocket, chatId);
        join(aliceTab, chatId);

        // Alice takes Carla's chat over REST: the room and all agents hear it, staff exactly once.
        post("/api/chats/" + chatId + "/assign", alice, null);
        JsonNode assigned = carlaSocket.await("chatAssigned", a -> a.path("chatId").asText().equals(chatId));
        assertThat(assigned.path("agentId").asText()).isEqualTo(alice.id());
        assertThat(assigned.path("agentName").asText()).isEqualTo("Alice");
        assertThat(assigned.path("previousAgentId").isNull()).isTrue();
        assertThat(assigned.path("assignedAt").asText()).matches(API_TIME);
        bobSocket.await("chatAssigned", a -> a.path("chatId").asText().equals(chatId));
        carlaSocket.await("chatStatusChanged", s -> s.path("status").asText().equals("in_progress")
                && s.path("previousStatus").asText().equals("open") && s.path("changedBy").asText().equals(alice.id()));
        carlaSocket.await("newMessage", m -> m.path("senderType").asText().equals("system"));
        aliceSocket.assertNo("chatAssigned", a -> false, QUIET);
        assertThat(aliceSocket.all("chatAssigned")).as("staff hear chat-wide events once").hasSize(1);

        // Alice answers over her socket: the ack is the stored message, and every socket in the room gets it,
        // her own ones included, never before her ack.
        JsonNode sent = ok(aliceSocket.call("sendMessage", Map.of("chatId", chatId,
                "content", "Hi Carla, <b>I reset</b> your password", "clientMessageId", "a-1")));
        String sentId = sent.path("id").asText();
        assertThat(sent.path("content").asText()).isEqualTo("Hi Carla, <b>I reset</b> your password");
        assertThat(sent.path("senderType").asText()).isEqualTo("agent");
        assertThat(sent.path("createdAt").asText()).matches(API_TIME);
        assertThat(sent.path("readAt").isNull()).isTrue();
        JsonNode pushed = carlaSocket.await("newMessage", m -> m.path("id").asText().equals(sentId));
        assertThat(pushed.path("seq").asLong()).isEqualTo(sent.path("seq").asLong());
        assertThat(pushed.path("content").asText()).isEqualTo(sent.path("content").asText());
        aliceTab.await("newMessage", m -> m.path("id").asText().equals(sentId));
        aliceSocket.await("newMessage", m -> m.path("id").asText().equals(sentId));
        assertThat(aliceSocket.indexOf(r -> r.name().equals("ack:sendMessage")))
                .isLessThan(aliceSocket.indexOf(r -> r.name().equals("newMessage")
                        && r.data().path("id").asText().equals(sentId)));
        JsonNode retried = ok(aliceSocket.call("sendMessage", Map.of("chatId", chatId,
                "content", "Hi Carla, <b>I reset</b> your password", "clientMessageId", "a-1")));
        assertThat(retried.path("id").asText()).isEqualTo(sentId);
        carlaSocket.assertNo("newMessage", m -> false, QUIET);
        assertThat(carlaSocket.all("newMessage").stream().filter(m -> m.path("id").asText().equals(sentId)))
                .as("a retry stores and pushes nothing").hasSize(1);

        // Carla types: Alice sees it, Carla is spared her own indicator.
        ok(carlaSocket.call("typing", Map.of("chatId", chatId, "isTyping", true)));
        JsonNode typing = aliceSocket.await("userTyping", t -> t.path("isTyping").asBoolean());
        assertThat(typing.path("userId").asText()).isEqualTo(carla.id());
        assertThat(typing.path("userName").asText()).isEqualTo("Carla");
        assertThat(typing.path("role").asText()).isEqualTo("user");
        ok(carlaSocket.call("typing", Map.of("chatId", chatId, "isTyping", false)));
        aliceSocket.await("userTyping", t -> !t.path("isTyping").asBoolean());
        assertThat(carlaSocket.all("userTyping")).isEmpty();

        // Carla reads and replies; Alice sees the receipt, the reply and her inbox row counting it.
        JsonNode read = ok(carlaSocket.call("markRead", Map.of("chatId", chatId)));
        assertThat(read.path("upToSeq").asLong()).isEqualTo(sent.path("seq").asLong());
        assertThat(read.path("readAt").asText()).matches(API_TIME);
        aliceSocket.await("messagesRead", r -> r.path("readerId").asText().equals(carla.id())
                && r.path("readerType").asText().equals("user")
                && r.path("upToSeq").asLong() == sent.path("seq").asLong());
        JsonNode thanks = ok(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "Thanks, it works")));
        aliceSocket.await("newMessage", m -> m.path("id").asText().equals(thanks.path("id").asText()));
        aliceSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(chatId)
                && u.path("lastMessage").path("content").asText().equals("Thanks, it works")
                && u.path("unreadCount").asLong() == 1 && u.path("assignedAgent").path("id").asText().equals(alice.id()));
        carlaSocket.await("inboxUpdate", u -> u.path("lastMessage").path("content").asText().equals("Thanks, it works")
                && u.path("unreadCount").asLong() == 0);
        JsonNode delivered = ok(aliceSocket.call("markDelivered", Map.of("chatId", chatId,
                "upToSeq", thanks.path("seq").asLong())));
        assertThat(delivered.path("upToSeq").asLong()).isEqualTo(thanks.path("seq").asLong());
        carlaSocket.await("messagesDelivered", d -> d.path("recipientId").asText().equals(alice.id())
                && d.path("recipientType").asText().equals("agent"));

        // Bob takes the guest's chat and writes over REST; the guest answers over the socket.
        join(bobSocket, gus.chatId());
        post("/api/chats/" + gus.chatId() + "/assign", bob, null);
        gusSocket.await("chatAssigned", a -> a.path("agentId").asText().equals(bob.id()));
        post("/api/chats/" + gus.chatId() + "/messages", bob, Map.of("content", "Hello Gus"));
        gusSocket.await("newMessage", m -> m.path("content").asText().equals("Hello Gus"));
        JsonNode gusReply = ok(gusSocket.call("sendMessage", Map.of("chatId", gus.chatId(), "content", "Thanks Bob")));
        assertThat(gusReply.path("senderType").asText()).isEqualTo("guest");
        bobSocket.await("newMessage", m -> m.path("content").asText().equals("Thanks Bob"));
        gusSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(gus.chatId())
                && u.path("lastMessage").path("content").asText().equals("Thanks Bob"));

        // Alice resolves and closes Carla's chat over REST.
        post("/api/chats/" + chatId + "/status", alice, Map.of("status", "resolved", "resolutionSummary", "Reset"));
        carlaSocket.await("chatStatusChanged", s -> s.path("status").asText().equals("resolved")
                && s.path("resolutionSummary").asText().equals("Reset"));
        post("/api/chats/" + chatId + "/close", alice, Map.of("resolutionSummary", "Reset, confirmed"));
        JsonNode closed = carlaSocket.await("chatClosed", c -> c.path("chatId").asText().equals(chatId));
        assertThat(closed.path("closedBy").asText()).isEqualTo(alice.id());
        assertThat(closed.path("resolutionSummary").asText()).isEqualTo("Reset, confirmed");
        assertThat(closed.path("closedAt").asText()).matches(API_TIME);
        bobSocket.await("chatClosed", c -> c.path("chatId").asText().equals(chatId));

        // Nobody got what was not theirs.
        carlaSocket.assertNo("newChat", c -> true, QUIET);
        assertThat(mentions(carlaSocket, gus.chatId())).as("Carla never hears of the guest's chat").isEmpty();
        assertThat(mentions(gusSocket, chatId)).as("the guest never hears of Carla's chat").isEmpty();
        assertThat(gusSocket.all("newChat")).as("a guest gets no agents events").isEmpty();
        assertThat(gusSocket.all("chatAssigned")).allMatch(a -> a.path("chatId").asText().equals(gus.chatId()));
        assertThat(intruder.names()).as("a refused socket receives nothing, ever")
                .allMatch(name -> name.equals("connect_error") || name.equals("disconnect"));
    }

    /** Every event a socket received that concerns the chat. */
    static List<String> mentions(TestSocket socket, String chatId) {
        return socket.log().stream()
                .filter(r -> r.data() != null && (r.data().path("chatId").asText().equals(chatId)
                        || r.data().path("id").asText().equals(chatId)
                        || r.data().path("data").path("chat").path("id").asText().equals(chatId)))
                .map(TestSocket.Received::name).toList();
    }
}
