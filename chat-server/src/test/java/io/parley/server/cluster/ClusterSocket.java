package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A Socket.IO client of one cluster node (websocket) that records what reaches it, with arrival times. */
final class ClusterSocket implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = http();

    record Received(String name, JsonNode data, long atNanos) {
    }

    final String label;
    private final Socket socket;
    private final List<Received> log = new CopyOnWriteArrayList<>();

    private ClusterSocket(String label, Socket socket) {
        this.label = label;
        this.socket = socket;
        socket.onAnyIncoming(args -> log.add(new Received(String.valueOf(args[0]),
                args.length > 1 ? json(args[1]) : null, System.nanoTime())));
        socket.on(Socket.EVENT_CONNECT, args -> log.add(new Received("connect", null, System.nanoTime())));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> log.add(new Received("connect_error",
                args.length > 0 ? json(args[0]) : null, System.nanoTime())));
        socket.on(Socket.EVENT_DISCONNECT, args -> log.add(new Received("disconnect", null, System.nanoTime())));
    }

    static ClusterSocket connect(String label, int port, String token) {
        IO.Options options = new IO.Options();
        options.forceNew = true;
        options.reconnection = false;
        options.transports = new String[]{"websocket"};
        options.timeout = 10_000;
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        options.auth = Map.of("token", token);
        ClusterSocket socket = new ClusterSocket(label, IO.socket(URI.create("http://127.0.0.1:" + port), options));
        socket.socket.connect();
        Received outcome = socket.awaitAny(r -> r.name().equals("connect") || r.name().equals("connect_error"));
        assertThat(outcome.name()).as(label + " connects, got " + outcome.data()).isEqualTo("connect");
        return socket;
    }

    JsonNode call(String event, Map<String, ?> payload) {
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        socket.emit(event, new Object[]{new JSONObject(payload)}, (Ack) answer ->
                ack.complete(answer.length > 0 ? json(answer[0]) : null));
        try {
            JsonNode envelope = ack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(envelope.path("success").asBoolean()).as(label + " " + event + ": " + envelope).isTrue();
            return envelope.path("data");
        } catch (Exception e) {
            throw new AssertionError(label + ": no acknowledgement of " + event + " within " + WAIT, e);
        }
    }

    /** The acknowledgement's envelope, success or not; empty when none came within {@code timeout}. */
    Optional<JsonNode> tryCall(String event, Map<String, ?> payload, Duration timeout) {
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        socket.emit(event, new Object[]{new JSONObject(payload)}, (Ack) answer ->
                ack.complete(answer.length > 0 ? json(answer[0]) : null));
        try {
            return Optional.ofNullable(ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void emit(String event, Map<String, ?> payload) {
        socket.emit(event, new JSONObject(payload));
    }

    JsonNode await(String event, Predicate<JsonNode> match) {
        return awaitReceived(event, match).data();
    }

    Received awaitReceived(String event, Predicate<JsonNode> match) {
        return awaitAny(r -> r.name().equals(event) && r.data() != null && match.test(r.data()));
    }

    Received awaitAny(Predicate<Received> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received received : log) {
                if (match.test(received)) return received;
            }
            sleep(2);
        }
        return fail(label + ": nothing matching arrived within " + WAIT + "; got " + names());
    }

    List<JsonNode> all(String event, Predicate<JsonNode> match) {
        List<JsonNode> found = new ArrayList<>();
        for (Received received : log) {
            if (received.name().equals(event) && received.data() != null && match.test(received.data())) {
                found.add(received.data());
            }
        }
        return found;
    }

    List<String> names() {
        return log.stream().map(Received::name).toList();
    }

    boolean isConnected() {
        return socket.connected();
    }

    @Override
    public void close() {
        socket.off();
        socket.disconnect();
        socket.close();
    }

    private static OkHttpClient http() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofMinutes(2)).build();
    }

    private static JsonNode json(Object value) {
        try {
            return JSON.readTree(value instanceof JSONObject || value instanceof org.json.JSONArray
                    ? value.toString() : JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
