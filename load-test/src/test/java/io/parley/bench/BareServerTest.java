package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.bench.bare.BareServer;
import io.parley.bench.bare.BareStore;
import io.socket.client.Ack;
import io.socket.client.Socket;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bare baseline speaks Parley's socket protocol: a send is stored, acked, and pushed to the chat's room. */
class BareServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private BareStore store;
    private BareServer server;
    private Socket alice;
    private Socket bob;

    @BeforeEach
    void start() throws Exception {
        store = new BareStore("jdbc:h2:mem:bare-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
                + Database.H2_SETTINGS, "sa", "", 2);
        store.createTables();
        server = new BareServer("127.0.0.1", 0, store, 2);
        String url = "http://127.0.0.1:" + server.port();
        alice = Sockets.connect(url, "alice", TIMEOUT);
        bob = Sockets.connect(url, "bob", TIMEOUT);
    }

    @AfterEach
    void stop() {
        if (alice != null) alice.close();
        if (bob != null) bob.close();
        server.close();
        store.close();
    }

    @Test
    void aSendIsAckedWithTheStoredMessageAndPushedToTheOtherSocketInOrder() throws Exception {
        String chatId = call(alice, "startChat", new JSONObject()).getJSONObject("data").getJSONObject("chat")
                .getString("id");
        LinkedBlockingQueue<JSONObject> pushed = new LinkedBlockingQueue<>();
        bob.on("newMessage", args -> pushed.add((JSONObject) args[0]));
        assertThat(json(call(bob, "joinChat", new JSONObject(Map.of("chatId", chatId)))))
                .isEqualTo(Rest.JSON.readTree("{\"success\":true,\"data\":{\"chat\":{\"id\":\"" + chatId
                        + "\"},\"missed\":[]}}"));
        call(alice, "joinChat", new JSONObject(Map.of("chatId", chatId)));

        JSONObject ack = call(alice, "sendMessage", new JSONObject(Map.of("chatId", chatId, "content", "hello",
                "clientMessageId", "c-1")));
        JSONObject second = call(alice, "sendMessage", new JSONObject(Map.of("chatId", chatId, "content", "again",
                "clientMessageId", "c-2")));

        assertThat(ack.getBoolean("success")).isTrue();
        JSONObject message = ack.getJSONObject("data");
        assertThat(message.getString("chatId")).isEqualTo(chatId);
        assertThat(message.getLong("seq")).isEqualTo(1);
        assertThat(message.getString("senderId")).isEqualTo("alice");
        assertThat(message.getString("content")).isEqualTo("hello");
        assertThat(message.getString("clientMessageId")).isEqualTo("c-1");
        assertThat(message.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(second.getJSONObject("data").getLong("seq")).isEqualTo(2);
        JSONObject first = pushed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first).as("bob's first newMessage").isNotNull();
        assertThat(json(first)).isEqualTo(json(message));
        assertThat(pushed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getLong("seq")).isEqualTo(2);
    }

    @Test
    void joiningAfterASeqReturnsTheMessagesMissedSinceThen() throws Exception {
        String chatId = call(alice, "startChat", new JSONObject()).getJSONObject("data").getJSONObject("chat")
                .getString("id");
        for (int i = 1; i <= 3; i++) {
            call(alice, "sendMessage", new JSONObject(Map.of("chatId", chatId, "content", "m" + i)));
        }
        JSONObject joined = call(bob, "joinChat", new JSONObject(Map.of("chatId", chatId, "afterSeq", 1)));
        JSONArray missed = joined.getJSONObject("data").getJSONArray("missed");
        assertThat(missed.length()).isEqualTo(2);
        assertThat(missed.getJSONObject(0).getString("content")).isEqualTo("m2");
        assertThat(missed.getJSONObject(1).getLong("seq")).isEqualTo(3);
    }

    @Test
    void sendingToAChatThatDoesNotExistIsAnErrorAck() throws Exception {
        JSONObject ack = call(alice, "sendMessage", new JSONObject(Map.of("chatId", "no-such-chat",
                "content", "hello")));
        assertThat(ack.getBoolean("success")).isFalse();
        assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("NOT_FOUND");
    }

    private static JsonNode json(JSONObject object) throws Exception {
        return Rest.JSON.readTree(object.toString());
    }

    private static JSONObject call(Socket socket, String event, JSONObject payload) throws Exception {
        CompletableFuture<JSONObject> answer = new CompletableFuture<>();
        socket.emit(event, new Object[]{payload}, (Ack) args -> answer.complete((JSONObject) args[0]));
        return answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
