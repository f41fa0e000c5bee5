package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.realtime.RealtimeTestBase;
import io.parley.server.realtime.TestSocket;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004 (Prisma chat) run as its admin panel and support widget do: {@code user:join}, a first
 * {@code message:send} without a conversation, {@code admin:getConversations}, {@code conversation:getMessages},
 * replies as {@code message:received}, beside the customer on Parley's own protocol.
 */
abstract class PrismaDialectTests extends RealtimeTestBase {
    static final String NS = "/prisma";

    TestSocket prisma(Person who) {
        return track(TestSocket.openAt(who.name() + NS, socketServer.port(), NS, who.token(), WEBSOCKET)).connected();
    }

    @Test
    void theWidgetAndTheAdminPanelChatBesideParleysOwnProtocol() {
        Person customer = customer("Carol");
        Person admin = staff("Adam", "agent");
        TestSocket widget = prisma(customer);
        TestSocket panel = prisma(admin);
        assertThat(widget.call("user:join", Map.of("userId", customer.id(), "userName", "Carol", "role", "CUSTOMER"))
                .path("success").asBoolean()).isTrue();
        assertThat(panel.call("user:join", Map.of("userId", admin.id(), "userName", "Adam", "role", "ADMIN"))
                .path("success").asBoolean()).isTrue();
        panel.await("admin:online");

        widget.emit("message:send", Map.of("message", "Hi, I have a question", "sender", "CUSTOMER"));
        JsonNode first = panel.await("message:received", m -> m.path("content").asText().equals("Hi, I have a question"));
        String conversationId = first.path("conversationId").asText();
        assertThat(first.path("sender").asText()).isEqualTo("CUSTOMER");
        assertThat(first.path("isRead").asBoolean()).isFalse();
        assertThat(first.path("conversation").path("userId").asText()).isEqualTo(customer.id());
        assertThat(first.path("conversation").path("status").asText()).isEqualTo("OPEN");
        widget.await("message:received", m -> m.path("id").asText().equals(first.path("id").asText()));

        JsonNode conversations = panel.call("admin:getConversations", Map.of());
        JsonNode listed = null;
        for (JsonNode c : conversations) if (c.path("id").asText().equals(conversationId)) listed = c;
        assertThat(listed).as(conversations.toString()).isNotNull();
        assertThat(listed.path("user").path("name").asText()).isEqualTo("Carol");
        assertThat(listed.path("messages").findValuesAsText("content")).contains("Hi, I have a question");

        TestSocket parley = socket(customer, WEBSOCKET);
        join(parley, conversationId);
        panel.emit("message:send", Map.of("conversationId", conversationId, "message", "Sure, ask away",
                "sender", "ADMIN"));
        JsonNode reply = widget.await("message:received", m -> m.path("content").asText().equals("Sure, ask away"));
        assertThat(reply.path("sender").asText()).isEqualTo("ADMIN");
        assertThat(parley.await("newMessage", m -> m.path("id").asText().equals(reply.path("id").asText()))
                .path("seq").asLong()).isEqualTo(reply.path("seq").asLong());

        // Without a conversation id again: the customer's active chat takes it.
        widget.emit("message:send", Map.of("message", "Second question", "sender", "CUSTOMER"));
        assertThat(panel.await("message:received", m -> m.path("content").asText().equals("Second question"))
                .path("conversationId").asText()).isEqualTo(conversationId);
        JsonNode messages = widget.call("conversation:getMessages", Map.of("conversationId", conversationId));
        assertThat(messages.findValuesAsText("content")).containsSubsequence("Hi, I have a question",
                "Sure, ask away", "Second question");
    }

    @Test
    void claimedIdentitiesAndOtherCustomersConversationsAreRefused() {
        Person customer = customer("Dora");
        Person other = customer("Eve");
        TestSocket widget = prisma(customer);
        TestSocket snoop = prisma(other);
        assertThat(widget.call("user:join", Map.of("userId", other.id(), "role", "CUSTOMER")).path("code").asText())
                .isEqualTo("FORBIDDEN");
        assertThat(widget.call("user:join", Map.of("userId", customer.id(), "role", "ADMIN")).path("code").asText())
                .isEqualTo("FORBIDDEN");
        assertThat(widget.call("message:send", Map.of("message", "x", "sender", "ADMIN")).path("code").asText())
                .isEqualTo("FORBIDDEN");
        assertThat(widget.call("admin:getConversations", Map.of()).path("code").asText()).isEqualTo("FORBIDDEN");
        JsonNode sent = widget.call("message:send", Map.of("message", "private", "sender", "CUSTOMER"));
        String conversationId = sent.path("conversationId").asText();
        assertThat(snoop.call("conversation:getMessages", Map.of("conversationId", conversationId))
                .path("code").asText()).isEqualTo("NOT_FOUND");
        snoop.emit("message:send", Map.of("conversationId", conversationId, "message", "hi", "sender", "CUSTOMER"));
        assertThat(snoop.await("message:error").path("code").asText()).isIn("NOT_FOUND", "FORBIDDEN");
        snoop.assertNo("message:received", m -> true, Duration.ofMillis(300));
        TestSocket bad = track(TestSocket.openAt("bad" + NS, socketServer.port(), NS, "forged", WEBSOCKET));
        assertThat(bad.connectError().toString()).contains("AUTH_FAILED");
        assertThat(widget.call("chatMessage", Map.of()).path("code").asText()).isEqualTo("UNKNOWN_EVENT");
    }
}
