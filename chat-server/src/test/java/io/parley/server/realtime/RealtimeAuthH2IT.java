package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Auth first: a socket is verified before anything else happens to it, and a refused one gets nothing, ever. */
@H2Database
class RealtimeAuthH2IT extends RealtimeTestBase {
    @Value("${chat.jwt-secret}")
    String jwtSecret;

    @Test
    void aSocketWithoutTokenIsRefusedWithAuthFailed() {
        for (String transport : List.of(WEBSOCKET, POLLING)) {
            TestSocket anonymous = track(TestSocket.open("anonymous/" + transport, socketServer.port(), null, transport));
            JsonNode error = anonymous.connectError();
            assertThat(error.path("code").asText()).isEqualTo("AUTH_FAILED");
            assertThat(error.path("message").asText()).isNotBlank();
            assertThat(error.path("data").path("code").asText()).as("err.data of the JS client").isEqualTo("AUTH_FAILED");
        }
    }

    @Test
    void aBadTokenIsRefusedWithAuthFailed() {
        for (String transport : List.of(WEBSOCKET, POLLING)) {
            TestSocket forged = track(TestSocket.open("forged", socketServer.port(), "abc.def.ghi", transport));
            assertThat(forged.connectError().path("code").asText()).isEqualTo("AUTH_FAILED");
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        Person carla = customer("Carla");
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = Jwts.builder().subject(carla.id()).claim("role", "user").claim("name", "Carla")
                .id(UUID.randomUUID().toString()).issuedAt(Date.from(past))
                .expiration(Date.from(past.plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(jwtSecret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256).compact();
        TestSocket late = track(TestSocket.open("late", socketServer.port(), expired, WEBSOCKET));
        JsonNode error = late.connectError();
        assertThat(error.path("code").asText()).isEqualTo("AUTH_FAILED");
        assertThat(error.path("message").asText()).isEqualTo("token expired");
    }

    @Test
    void aRevokedTokenIsRefused() {
        Person carla = customer("Carla");
        assertThat(api.post("/api/auth/logout", carla.token(), null).status()).isEqualTo(204);
        TestSocket revoked = track(TestSocket.open("revoked", socketServer.port(), carla.token(), POLLING));
        JsonNode error = revoked.connectError();
        assertThat(error.path("code").asText()).isEqualTo("AUTH_FAILED");
        assertThat(error.path("message").asText()).isEqualTo("token revoked");
    }

    @Test
    void aTokenInTheQueryStringIsAcceptedAndChecked() {
        Person carla = customer("Carla");
        for (String transport : List.of(WEBSOCKET, POLLING)) {
            TestSocket byQuery = track(TestSocket.openWithQueryToken("query/" + transport, socketServer.port(),
                    carla.token(), transport)).connected();
            String chatId = startChat(customer("Other"), "hi");
            assertThat(errorCode(byQuery.call("joinChat", Map.of("chatId", chatId)))).isEqualTo("NOT_FOUND");
            TestSocket badQuery = track(TestSocket.openWithQueryToken("bad-query/" + transport, socketServer.port(),
                    "nope", transport));
            assertThat(badQuery.connectError().path("code").asText()).isEqualTo("AUTH_FAILED");
        }
        String own = startChat(carla, "mine");
        TestSocket byQuery = track(TestSocket.openWithQueryToken("query-room", socketServer.port(), carla.token(),
                WEBSOCKET)).connected();
        assertThat(join(byQuery, own).path("missed")).hasSize(1);
        post("/api/chats/" + own + "/messages", carla, Map.of("content", "via REST"));
        byQuery.await("inboxUpdate", u -> u.path("lastMessage").path("content").asText().equals("via REST"));
    }

    @Test
    void aRefusedSocketJoinsNoRoomAndReceivesNothing() {
        Person alice = staff("Alice", "agent");
        Person carla = customer("Carla");
        List<TestSocket> refused = List.of(
                track(TestSocket.open("forged-agent/ws", socketServer.port(), alice.token() + "x", WEBSOCKET)),
                track(TestSocket.open("forged-agent/polling", socketServer.port(), alice.token() + "x", POLLING)),
                track(TestSocket.open("nobody/ws", socketServer.port(), null, WEBSOCKET)));
        refused.forEach(TestSocket::connectError);
        TestSocket agent = socket(alice, WEBSOCKET);

        String chatId = startChat(carla, "Is anyone there?");
        post("/api/chats/" + chatId + "/assign", alice, null);
        post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "Yes"));
        agent.await("inboxUpdate", u -> u.path("lastMessage").path("content").asText().equals("Yes"));

        for (TestSocket socket : refused) {
            socket.assertNo("newChat", c -> true, Duration.ofMillis(200));
            assertThat(socket.names()).as(socket.label)
                    .allMatch(name -> name.equals("connect_error") || name.equals("disconnect"));
            assertThat(socket.isConnected()).isFalse();
        }
    }
}
