package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.realtime.server.SocketServer;
import io.parley.server.support.Api;
import io.parley.server.support.Envelopes;
import io.parley.server.support.FuzzServer;
import io.parley.server.support.SocketPayloads;
import io.parley.server.support.StoredCounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.json.JSONException;
import org.json.JSONObject;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile payloads for every client → server socket event (and names the server does not know): each is
 * answered with an ack in the envelope, success or a contract error, and a refused one stores nothing.
 */
class SocketFuzzH2IT {
    static final String SEED = "20261203";
    static final Set<String> EVENTS = Set.of("joinChat", "leaveChat", "sendMessage", "typing", "markRead",
            "markDelivered");
    /** Names the Java client itself refuses to emit. */
    private static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect", "disconnecting",
            "newListener", "removeListener");
    private static Api api;
    private static String customer;
    private static String chatId;
    private static int socketPort;
    private static TestSocket socket;

    @BeforeContainer
    static void connect() {
        api = new Api(FuzzServer.httpPort());
        socketPort = FuzzServer.bean(SocketServer.class).port();
        customer = api.post("/api/auth/register", null, Map.of("name", "Socket Fuzz", "email",
                "socket-fuzz-" + UUID.randomUUID() + "@example.com", "password", "customer-password-1"))
                .data().path("token").asText();
        chatId = api.post("/api/chats", customer, Map.of("message", "Fuzz my socket"))
                .data().path("chat").path("id").asText();
    }

    @AfterContainer
    static void disconnect() {
        if (socket != null) socket.close();
    }

    @Property(tries = 600, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hostilePayloadsAreAnsweredWithAnAckAndStoreNothing(@ForAll("events") String event,
                                                            @ForAll("payloads") Object payload) {
        StoredCounts before = StoredCounts.now();
        JsonNode ack = connected().call(event, payload);
        String context = event + " " + payload + " -> " + ack;
        assertThat(ack).as("an ack for " + context).isNotNull();
        if (ack.path("success").asBoolean(false)) return;
        Envelopes.assertError(ack, context);
        if (!EVENTS.contains(event)) {
            assertThat(ack.at("/error/code").asText()).as(context).isEqualTo("UNKNOWN_EVENT");
        }
        assertThat(StoredCounts.now()).as("stored nothing: " + context).isEqualTo(before);
    }

    /** The fuzzing socket, opened again if the server closed it (the property then fails on its ack). */
    private static TestSocket connected() {
        if (socket == null || !socket.isConnected()) {
            if (socket != null) socket.close();
            socket = TestSocket.open("fuzz", socketPort, customer, RealtimeTestBase.WEBSOCKET).connected();
        }
        return socket;
    }

    @Provide
    Arbitrary<String> events() {
        Arbitrary<String> unknown = Arbitraries.strings().ofMinLength(1).ofMaxLength(20)
                .filter(name -> !EVENTS.contains(name) && !RESERVED.contains(name));
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(EVENTS)), Tuple.of(1, unknown));
    }

    /** Any JSON value; objects often aim at the fixture chat so the rules behind validation are reached too. */
    @Provide
    Arbitrary<Object> payloads() {
        return SocketPayloads.hostile(SocketFuzzH2IT::aimed);
    }

    private static JSONObject aimed(JSONObject payload) {
        try {
            return payload.put("chatId", chatId);
        } catch (JSONException e) {
            throw new IllegalStateException(e);
        }
    }
}
