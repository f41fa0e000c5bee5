package io.parley.server.realtime;

import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Logout and single-session revocation reach the sockets of the revoked token: forceLogout, then disconnect. */
@H2Database
class RealtimeForcedLogoutH2IT extends RealtimeTestBase {

    @Test
    void logoutSendsForceLogoutThenDisconnectsEveryTransport() {
        Person carla = customer("Carla");
        Person olga = customer("Olga");
        TestSocket overWebsocket = socket(carla, WEBSOCKET);
        TestSocket overPolling = socket(carla, POLLING);
        TestSocket bystander = socket(olga, WEBSOCKET);

        assertThat(api.post("/api/auth/logout", carla.token(), null).status()).isEqualTo(204);

        for (TestSocket socket : new TestSocket[]{overWebsocket, overPolling}) {
            assertThat(socket.await("forceLogout").path("reason").asText()).isEqualTo("logout");
            socket.awaitAny(r -> r.name().equals("disconnect"));
            assertThat(socket.indexOf(r -> r.name().equals("forceLogout")))
                    .isLessThan(socket.indexOf(r -> r.name().equals("disconnect")));
        }
        TestSocket again = track(TestSocket.open("again", socketServer.port(), carla.token(), WEBSOCKET));
        assertThat(again.connectError().path("code").asText()).isEqualTo("AUTH_FAILED");
        bystander.assertNo("forceLogout", f -> true, Duration.ofMillis(300));
        assertThat(bystander.isConnected()).isTrue();
        String chatId = startChat(olga, "still works");
        assertThat(join(bystander, chatId).path("missed")).hasSize(1);
    }

    @Test
    void aNewLoginForcesTheOlderSessionsSocketsOut() {
        Person alice = staff("Alice", "agent");
        TestSocket older = socket(alice, POLLING);

        Person again = login(alice.email(), alice.password());
        assertThat(older.await("forceLogout").path("reason").asText()).isEqualTo("session_replaced");
        older.awaitAny(r -> r.name().equals("disconnect"));
        TestSocket newer = socket(again, WEBSOCKET);
        assertThat(ok(newer.call("setAvailability", Map.of("availability", "online"))).path("agentId").asText())
                .isEqualTo(alice.id());
    }
}
