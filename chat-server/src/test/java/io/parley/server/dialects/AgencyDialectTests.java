package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.parley.server.realtime.RealtimeTestBase;
import io.parley.server.realtime.TestSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 (agency–client) through its documented flows: message sending ({@code chatMessage} →
 * {@code messageReceived} to the sender, {@code chatMessage} to the other party), typing ({@code typingStatus}) and
 * read receipts ({@code messagesMarkedRead}, {@code messagesRead}), beside the client on Parley's own protocol.
 */
abstract class AgencyDialectTests extends RealtimeTestBase {
    static final String NS = "/agency";

    @Value("${chat.jwt-secret}")
    String jwtSecret;

    TestSocket agency(Person who) {
        return track(TestSocket.openAt(who.name() + NS, socketServer.port(), NS, who.token(), WEBSOCKET)).connected();
    }

    /** A dialect socket lives no longer than its token, as Parley's own sockets do. */
    @Test
    void aSocketIsClosedWhenItsTokenExpires() throws InterruptedException {
        Person client = customer("Clara");
        Instant now = Instant.now();
        String shortLived = Jwts.builder().subject(client.id()).claim("role", "user").claim("name", client.name())
                .id(UUID.randomUUID().toString()).issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(3)))
                .signWith(Keys.hmacShaKeyFor(jwtSecret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256).compact();
        TestSocket expiring = track(TestSocket.openAt("expiring" + NS, socketServer.port(), NS, shortLived, WEBSOCKET))
                .connected();
        TestSocket lasting = agency(client);
        assertThat(expiring.isConnected()).isTrue();

        long deadline = System.currentTimeMillis() + 15_000;
        while (expiring.isConnected() && System.currentTimeMillis() < deadline) Thread.sleep(100);
        assertThat(expiring.isConnected()).as("connected after its token expired").isFalse();
        assertThat(lasting.isConnected()).isTrue();
    }

    @Test
    void aClientAndTheAgencyExchangeMessagesTypingAndReceiptsBesideParleysOwnProtocol() {
        Person client = customer("Clara");
        Person agencyUser = staff("Agnes", "agent");
        TestSocket clientSocket = agency(client);
        TestSocket agencySocket = agency(agencyUser);

        clientSocket.emit("chatMessage", Map.of("message", "We need a new landing page"));
        JsonNode confirmed = clientSocket.await("messageReceived");
        String conversationId = confirmed.path("conversationId").asText();
        assertThat(confirmed.path("senderType").asText()).isEqualTo("client");
        JsonNode toAgency = agencySocket.await("chatMessage", m -> m.path("conversationId").asText().equals(conversationId));
        assertThat(toAgency.path("content").asText()).isEqualTo("We need a new landing page");
        assertThat(toAgency.path("senderId").asText()).isEqualTo(client.id());

        TestSocket parley = socket(client, WEBSOCKET);
        join(parley, conversationId);
        agencySocket.emit("chatMessage", Map.of("conversationId", conversationId, "message", "On it"));
        JsonNode mine = agencySocket.await("messageReceived", m -> m.path("content").asText().equals("On it"));
        JsonNode reply = clientSocket.await("chatMessage", m -> m.path("content").asText().equals("On it"));
        assertThat(reply.path("id").asText()).isEqualTo(mine.path("id").asText());
        assertThat(reply.path("senderType").asText()).isEqualTo("agency");
        assertThat(reply.path("receiverId").asText()).isEqualTo(client.id());
        assertThat(parley.await("newMessage", m -> m.path("id").asText().equals(reply.path("id").asText()))
                .path("seq").asLong()).isEqualTo(reply.path("seq").asLong());

        clientSocket.emit("typing", Map.of("conversationId", conversationId, "isTyping", true));
        assertThat(agencySocket.await("typingStatus").path("isTyping").asBoolean()).isTrue();
        clientSocket.emit("typing", Map.of("conversationId", conversationId, "isTyping", false));
        agencySocket.await("typingStatus", t -> !t.path("isTyping").asBoolean());

        clientSocket.emit("markAsRead", Map.of("conversationId", conversationId));
        JsonNode marked = clientSocket.await("messagesMarkedRead");
        assertThat(marked.path("upToSeq").asLong()).isEqualTo(reply.path("seq").asLong());
        assertThat(agencySocket.await("messagesRead", r -> r.path("readerId").asText().equals(client.id()))
                .path("conversationId").asText()).isEqualTo(conversationId);
    }

    @Test
    void anotherClientsConversationAndABadTokenAreRefused() {
        Person owner = customer("Olga");
        Person other = customer("Oscar");
        TestSocket ownerSocket = agency(owner);
        ownerSocket.emit("chatMessage", Map.of("message", "confidential brief"));
        String conversationId = ownerSocket.await("messageReceived").path("conversationId").asText();
        TestSocket intruder = agency(other);
        assertThat(intruder.call("chatMessage", Map.of("conversationId", conversationId, "message", "hi"))
                .path("error").path("code").asText()).isIn("NOT_FOUND", "FORBIDDEN");
        assertThat(intruder.call("typing", Map.of("conversationId", conversationId, "isTyping", true))
                .path("error").path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(intruder.call("markAsRead", Map.of("conversationId", conversationId))
                .path("success").asBoolean()).isFalse();
        intruder.emit("chatMessage", Map.of("conversationId", conversationId, "message", ""));
        assertThat(intruder.await("error").path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        ownerSocket.assertNo("chatMessage", m -> true, Duration.ofMillis(300));
        TestSocket bad = track(TestSocket.openAt("bad" + NS, socketServer.port(), NS, "forged", WEBSOCKET));
        assertThat(bad.connectError().toString()).contains("AUTH_FAILED");
        assertThat(intruder.call("sendMessage", Map.of()).path("error").path("code").asText()).isEqualTo("UNKNOWN_EVENT");
    }
}
