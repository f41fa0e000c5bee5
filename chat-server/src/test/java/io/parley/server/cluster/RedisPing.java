package io.parley.server.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Asks a Redis server for a PING over a plain socket, so that tests need no Redis client to find one. */
public final class RedisPing {
    private RedisPing() {
    }

    /** Null when something answered like Redis at {@code redisUrl}, else why not. */
    public static String ping(String redisUrl) {
        URI uri = URI.create(redisUrl);
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            int first = in.read();
            // "+PONG", or "-NOAUTH …" from a server that wants a password: either way a Redis answered.
            return first == '+' || first == '-' ? null : "unexpected answer";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
