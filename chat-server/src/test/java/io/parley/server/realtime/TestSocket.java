package io.parley.server.realtime;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real Socket.IO v4 client (io.socket:socket.io-client 2.x) that records, in arrival order, every event and
 * every acknowledgement it receives, so tests can await them with deadlines and check their order.
 */
public final class TestSocket implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * OkHttp allows 5 concurrent requests per host by default: five long-polling sockets would starve a sixth's
     * POSTs. Tests open many sockets to one host, so they share a client without that limit.
     */
    private static final OkHttpClient HTTP = http();

    /** One thing that reached the client: an event, an ack ({@code ack:<event>}) or a lifecycle signal. */
    record Received(String name, JsonNode data) {
    }

    final String label;
    private final Socket socket;
    private final List<Received> log = new CopyOnWriteArrayList<>();

    private TestSocket(String label, Socket socket) {
        this.label = label;
        this.socket = socket;
        socket.onAnyIncoming(args -> log.add(new Received(String.valueOf(args[0]), args.length > 1 ? json(args[1]) : null)));
        socket.on(Socket.EVENT_CONNECT, args -> log.add(new Received("connect", null)));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> log.add(new Received("connect_error",
                args.length > 0 ? json(args[0]) : null)));
        socket.on(Socket.EVENT_DISCONNECT, args -> log.add(new Received("disconnect",
                args.length > 0 ? JSON.getNodeFactory().textNode(String.valueOf(args[0])) : null)));
    }

    /** Opens a socket with {@code auth: {token}} (no auth at all when token is null) over one transport. */
    static TestSocket open(String label, int port, String token, String transport) {
        IO.Options options = options(transport);
        if (token != null) options.auth = Map.of("token", token);
        return start(label, URI.create("http://127.0.0.1:" + port), options);
    }

    /** Opens a socket on another namespace ({@code /mydeeptech} …) with {@code auth: {token}} (none when null). */
    public static TestSocket openAt(String label, int port, String namespace, String token, String transport) {
        IO.Options options = options(transport);
        if (token != null) options.auth = Map.of("token", token);
        return start(label, URI.create("http://127.0.0.1:" + port + namespace), options);
    }

    /** Opens a socket that passes its token only as the {@code ?token=} query parameter. */
    static TestSocket openWithQueryToken(String label, int port, String token, String transport) {
        IO.Options options = options(transport);
        options.query = "token=" + token;
        return start(label, URI.create("http://127.0.0.1:" + port), options);
    }

    private static IO.Options options(String transport) {
        IO.Options options = new IO.Options();
        options.forceNew = true;
        options.reconnection = false;
        options.transports = new String[]{transport};
        options.timeout = 10_000;
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        return options;
    }

    private static TestSocket start(String label, URI uri, IO.Options options) {
        TestSocket socket = new TestSocket(label, IO.socket(uri, options));
        socket.socket.connect();
        return socket;
    }

    /** Waits for the connection; fails the test on connect_error. */
    public TestSocket connected() {
        Received outcome = awaitAny(r -> r.name().equals("connect") || r.name().equals("connect_error"));
        assertThat(outcome.name()).as(label + " connects, got " + outcome.data()).isEqualTo("connect");
        return this;
    }

    /** The data of the connect_error this socket got. */
    public JsonNode connectError() {
        return awaitAny(r -> r.name().equals("connect_error")).data();
    }

    /** Emits with an acknowledgement callback and returns the ack's envelope. */
    public JsonNode call(String event, Map<String, ?> payload) {
        return call(event, (Object) new JSONObject(payload));
    }

    public JsonNode call(String event, Object payload) {
        CompletableFuture<JsonNode> ack = callLater(event, payload);
        try {
            return ack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(label + ": no acknowledgement of " + event + " within " + WAIT, e);
        }
    }

    /** Emits with an acknowledgement callback without waiting: the answer completes with the ack's envelope. */
    CompletableFuture<JsonNode> callLater(String event, Object payload) {
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        Object[] args = payload == null ? new Object[0] : new Object[]{payload};
        socket.emit(event, args, (Ack) answer -> {
            JsonNode data = answer.length > 0 ? json(answer[0]) : null;
            log.add(new Received("ack:" + event, data));
            ack.complete(data);
        });
        return ack;
    }

    /** Emits without an acknowledgement callback. */
    public void emit(String event, Map<String, ?> payload) {
        socket.emit(event, new JSONObject(payload));
    }

    public JsonNode await(String event, Predicate<JsonNode> match) {
        return awaitAny(r -> r.name().equals(event) && r.data() != null && match.test(r.data())).data();
    }

    public JsonNode await(String event) {
        return await(event, data -> true);
    }

    Received awaitAny(Predicate<Received> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received received : log) {
                if (match.test(received)) return received;
            }
            sleep(10);
        }
        return fail(label + ": nothing matching arrived within " + WAIT + "; got " + names());
    }

    /** Proves a negative: waits a short, bounded while and checks no such event arrived. */
    public void assertNo(String event, Predicate<JsonNode> match, Duration within) {
        sleep(within.toMillis());
        assertThat(all(event).stream().filter(match).toList()).as(label + " must not receive " + event).isEmpty();
    }

    public List<JsonNode> all(String event) {
        List<JsonNode> found = new ArrayList<>();
        for (Received received : log) {
            if (received.name().equals(event)) found.add(received.data());
        }
        return found;
    }

    /** Index in arrival order of the first entry matching, -1 if none. */
    int indexOf(Predicate<Received> match) {
        List<Received> snapshot = List.copyOf(log);
        for (int i = 0; i < snapshot.size(); i++) {
            if (match.test(snapshot.get(i))) return i;
        }
        return -1;
    }

    public List<String> names() {
        return log.stream().map(Received::name).toList();
    }

    List<Received> log() {
        return List.copyOf(log);
    }

    public boolean isConnected() {
        return socket.connected();
    }

    public void disconnect() {
        socket.disconnect();
    }

    @Override
    public void close() {
        socket.off();
        socket.disconnect();
        socket.close();
    }

    private static OkHttpClient http() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(1024);
        dispatcher.setMaxRequestsPerHost(1024);
        return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofMinutes(2)).build();
    }

    static JsonNode json(Object value) {
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
