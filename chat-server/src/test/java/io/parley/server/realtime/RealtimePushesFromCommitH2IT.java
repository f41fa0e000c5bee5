package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.query.config.QuerySideConfig;
import io.parley.server.support.H2Database;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acks, newMessage, inboxUpdate and newChat are built from the commit: they arrive even while every read model
 * is stopped, and they say what the read models say once those catch up.
 */
@H2Database
class RealtimePushesFromCommitH2IT extends RealtimeTestBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void sendsAreAckedAndPushedWhileTheReadModelsStand() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Cannot log in");
        post("/api/chats/" + chatId + "/assign", alice, null);
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        join(carlaSocket, chatId);
        join(aliceSocket, chatId);

        stopReadModels();
        try {
            JsonNode sent = ok(carlaSocket.call("sendMessage",
                    Map.of("chatId", chatId, "content", "Still there?", "clientMessageId", "c-1")));
            assertThat(sent.path("content").asText()).isEqualTo("Still there?");
            JsonNode pushed = aliceSocket.await("newMessage", m -> m.path("id").asText().equals(sent.path("id")
                    .asText()));
            assertThat(pushed.path("seq").asLong()).isEqualTo(sent.path("seq").asLong());
            JsonNode aliceInbox = aliceSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(chatId)
                    && u.path("lastMessage").path("id").asText().equals(sent.path("id").asText()));
            assertThat(aliceInbox.path("unreadCount").asLong()).as("staff read nothing yet: every message counts")
                    .isEqualTo(sent.path("seq").asLong());
            assertThat(aliceInbox.path("status").asText()).isEqualTo("in_progress");
            assertThat(aliceInbox.path("assignedAgent").path("id").asText()).isEqualTo(alice.id());
            JsonNode carlaInbox = carlaSocket.await("inboxUpdate", u -> u.path("lastMessage").path("id").asText()
                    .equals(sent.path("id").asText()));
            assertThat(carlaInbox.path("unreadCount").asLong()).as("her own message").isZero();

            JsonNode read = ok(aliceSocket.call("markRead", Map.of("chatId", chatId)));
            assertThat(read.path("upToSeq").asLong()).isEqualTo(sent.path("seq").asLong());
            carlaSocket.await("messagesRead", r -> r.path("readerId").asText().equals(alice.id()));
            JsonNode afterRead = aliceSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(chatId)
                    && u.path("unreadCount").asLong() == 0);
            assertThat(afterRead.path("lastMessage").path("content").asText()).isEqualTo("Still there?");
        } finally {
            startReadModels();
        }

        JsonNode chat = api.get("/api/chats/" + chatId, alice.token()).data();
        assertThat(chat.path("unreadCount").asLong()).isZero();
        assertThat(chat.path("lastMessage").path("content").asText()).isEqualTo("Still there?");
    }

    @Test
    void newChatSaysWhatTheReadModelSays() {
        TestSocket watcher = socket(staff("Walter", "agent"), WEBSOCKET);
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Where is my order?");

        JsonNode pushed = watcher.await("newChat", c -> c.path("id").asText().equals(chatId));
        JsonNode stored = api.get("/api/chats/" + chatId, admin).data();
        for (String field : new String[]{"id", "ticketNumber", "subject", "status", "priority", "category",
                "customer", "assignedAgent", "createdAt", "lastMessage", "unreadCount", "resolvedAt", "closedAt"}) {
            assertThat(pushed.path(field)).as(field).isEqualTo(stored.path(field));
        }
    }

    private void stopReadModels() {
        processing.eventProcessor(QuerySideConfig.READ_MODELS).ifPresent(EventProcessor::shutDown);
    }

    private void startReadModels() {
        processing.eventProcessor(QuerySideConfig.READ_MODELS).ifPresent(EventProcessor::start);
    }
}
