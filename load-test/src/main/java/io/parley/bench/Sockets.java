package io.parley.bench;

import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens official Java Socket.IO v4 clients (io.socket:socket.io-client 2.x) over websocket. They all share one
 * OkHttp client: each would otherwise bring its own connection pool and dispatcher, and OkHttp's default of 5
 * requests per host would starve the sixth socket to one server.
 */
final class Sockets {
    private static final OkHttpClient HTTP = http();

    private Sockets() {
    }

    /** Connects with {@code auth: {token}} and waits (bounded) for the connect or connect_error. */
    static Socket connect(String url, String token, Duration timeout) {
        IO.Options options = new IO.Options();
        options.forceNew = true;
        options.reconnection = false;
        options.transports = new String[]{"websocket"};
        options.timeout = timeout.toMillis();
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        options.auth = Map.of("token", token);
        Socket socket = IO.socket(URI.create(url), options);
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        socket.once(Socket.EVENT_CONNECT, args -> outcome.complete("connected"));
        socket.once(Socket.EVENT_CONNECT_ERROR, args -> outcome.completeExceptionally(
                new IllegalStateException("connect_error: " + (args.length > 0 ? args[0] : "?"))));
        socket.connect();
        try {
            outcome.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return socket;
        } catch (Exception e) {
            socket.close();
            throw new IllegalStateException("socket did not connect: " + e.getMessage(), e);
        }
    }

    private static OkHttpClient http() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(100_000);
        dispatcher.setMaxRequestsPerHost(100_000);
        return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofMinutes(2))
                .pingInterval(Duration.ZERO).build();
    }
}
