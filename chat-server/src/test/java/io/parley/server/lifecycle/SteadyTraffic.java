package io.parley.server.lifecycle;

import io.parley.server.support.Api;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONObject;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer who keeps sending, over a joined socket and over REST, one message after the other, until closed:
 * the stop then meets a command, a push and a request in flight. Failures on the client side are expected once the
 * server goes; only the server's log is judged.
 */
final class SteadyTraffic implements AutoCloseable {
    private final Socket socket;
    private final Thread restSender;
    private final AtomicInteger socketAcks = new AtomicInteger();
    private final AtomicInteger restAnswers = new AtomicInteger();
    private volatile boolean running = true;

    private SteadyTraffic(Api api, int socketPort, String token, String chatId) {
        IO.Options options = new IO.Options();
        options.forceNew = true;
        options.reconnection = false;
        options.transports = new String[]{"websocket"};
        options.auth = Map.of("token", token);
        socket = IO.socket(URI.create("http://127.0.0.1:" + socketPort), options);
        restSender = new Thread(() -> {
            for (int i = 0; running; i++) {
                try {
                    api.post("/api/chats/" + chatId + "/messages", token, Map.of("content", "rest " + i));
                    restAnswers.incrementAndGet();
                } catch (RuntimeException serverGone) {
                    return;
                }
            }
        }, "rest-sender");
        restSender.setDaemon(true);
    }

    static SteadyTraffic start(Api api, int socketPort, String token, String chatId) {
        SteadyTraffic traffic = new SteadyTraffic(api, socketPort, token, chatId);
        traffic.socket.on(Socket.EVENT_CONNECT, args -> traffic.socket.emit("joinChat",
                new Object[]{new JSONObject(Map.of("chatId", chatId))}, (Ack) joined -> traffic.send(chatId, 0)));
        traffic.socket.connect();
        traffic.restSender.start();
        return traffic;
    }

    /** Sends message {@code n} and the next one once it is acknowledged, while running. */
    private void send(String chatId, int n) {
        if (!running) return;
        socket.emit("sendMessage", new Object[]{new JSONObject(Map.of("chatId", chatId, "content", "socket " + n,
                "clientMessageId", "steady-" + n))}, (Ack) ack -> {
            socketAcks.incrementAndGet();
            send(chatId, n + 1);
        });
    }

    /** Waits until both senders got a few answers, so the stop meets them mid-stream. */
    void awaitFlowing(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while ((socketAcks.get() < 5 || restAnswers.get() < 5) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(socketAcks.get()).as("socket sends acknowledged before the stop").isGreaterThanOrEqualTo(5);
        assertThat(restAnswers.get()).as("REST sends answered before the stop").isGreaterThanOrEqualTo(5);
    }

    @Override
    public void close() {
        running = false;
        socket.close();
        restSender.interrupt();
    }
}
