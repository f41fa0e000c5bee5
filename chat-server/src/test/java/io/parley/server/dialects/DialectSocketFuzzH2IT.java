package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.realtime.server.SocketServer;
import io.parley.server.realtime.TestSocket;
import io.parley.server.support.Api;
import io.parley.server.support.Envelopes;
import io.parley.server.support.FuzzServer;
import io.parley.server.support.SocketPayloads;
import io.parley.server.support.StoredCounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.json.JSONException;
import org.json.JSONObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile payloads for every client → server event of every seed dialect (and names a dialect does not know):
 * each is answered with an ack, success or a refusal carrying {@code success:false} and a contract
 * {@code error: {code, message}} (beside the seed's own fields), and a refused one stores nothing.
 */
class DialectSocketFuzzH2IT {
    static final String SEED = "20261203";
    static final Map<String, List<String>> EVENTS = Map.of(
            "/mydeeptech", List.of("join_chat_room", "send_message", "user_typing", "join_admin_room", "join_chat",
                    "admin_send_message", "admin_close_chat"),
            "/agri", List.of("conversation:join", "conversation:leave", "conversation:mark-all-read", "message:read",
                    "message:send", "typing:start", "typing:stop"),
            "/gs365", List.of("joinChat", "leaveChat", "sendMessage", "typing", "loggedin-user"),
            "/agency", List.of("chatMessage", "typing", "markAsRead"),
            "/prisma", List.of("user:join", "message:send", "admin:getConversations", "conversation:getMessages"));
    private static String customer;
    private static String chatId;
    private static int socketPort;
    private static final Map<String, TestSocket> sockets = new HashMap<>();

    record Call(String namespace, String event) {
    }

    @BeforeContainer
    static void connect() {
        Api api = new Api(FuzzServer.httpPort());
        socketPort = FuzzServer.bean(SocketServer.class).port();
        customer = api.post("/api/auth/register", null, Map.of("name", "Dialect Fuzz", "email",
                "dialect-fuzz-" + UUID.randomUUID() + "@example.com", "password", "customer-password-1"))
                .data().path("token").asText();
        chatId = api.post("/api/chats", customer, Map.of("message", "Fuzz my dialects"))
                .data().path("chat").path("id").asText();
    }

    @AfterContainer
    static void disconnect() {
        sockets.values().forEach(TestSocket::close);
        sockets.clear();
    }

    @Property(tries = 500, seed = SEED, shrinking = ShrinkingMode.OFF)
    void hostilePayloadsAreAnsweredWithAnAckAndStoreNothing(@ForAll("calls") Call call,
                                                            @ForAll("payloads") Object payload) {
        StoredCounts before = StoredCounts.now();
        JsonNode ack = connected(call.namespace()).call(call.event(), payload);
        String context = ascii(call + " " + payload + " -> " + ack);
        assertThat(ack).as("an ack for " + context).isNotNull();
        // A seed's success takes its own shape (001's message:send answers the message itself); every refusal
        // carries success:false and Parley's error object.
        if (ack.isArray() || ack.path("success").asBoolean(false) || !ack.has("error")) return;
        Envelopes.assertError(ack, context);
        if (!EVENTS.get(call.namespace()).contains(call.event())) {
            assertThat(ack.at("/error/code").asText()).as(context).isEqualTo("UNKNOWN_EVENT");
        }
        assertThat(StoredCounts.now()).as("stored nothing: " + context).isEqualTo(before);
    }

    /** The text with every character outside printable ASCII escaped, so a failure report shows all of it. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static TestSocket connected(String namespace) {
        TestSocket socket = sockets.get(namespace);
        if (socket == null || !socket.isConnected()) {
            if (socket != null) socket.close();
            socket = TestSocket.openAt("fuzz" + namespace, socketPort, namespace, customer,
                    "websocket").connected();
            sockets.put(namespace, socket);
        }
        return socket;
    }

    @Provide
    Arbitrary<Call> calls() {
        List<Call> known = new ArrayList<>();
        EVENTS.forEach((namespace, events) -> events.forEach(event -> known.add(new Call(namespace, event))));
        Arbitrary<Call> unknown = Combinators.combine(Arbitraries.of(EVENTS.keySet()),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20))
                .as(Call::new).filter(c -> !EVENTS.get(c.namespace()).contains(c.event()));
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(known)), Tuple.of(1, unknown));
    }

    /** Any JSON value; objects often aim at the fixture chat under every seed's name for it. */
    @Provide
    Arbitrary<Object> payloads() {
        return SocketPayloads.hostile(DialectSocketFuzzH2IT::aimed);
    }

    private static JSONObject aimed(JSONObject payload) {
        try {
            return payload.put("chatId", chatId).put("ticketId", chatId).put("conversationId", chatId);
        } catch (JSONException e) {
            throw new IllegalStateException(e);
        }
    }
}
