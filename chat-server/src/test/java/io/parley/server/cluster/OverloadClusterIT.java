package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.support.Api;
import io.parley.server.cluster.ClusterUsers.Person;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes are offered twice the message rate they sustain, for 30 s. The sustainable rate is measured first, on
 * the same nodes and chats, by closed-loop senders. Then every send must be answered within a second, either
 * acknowledged (stored, exactly once) or refused with a retryable code (stored not at all): an overloaded server
 * sheds load, it does not queue it until clients time out. Prints what it measured.
 */
@ExtendWith({ClusterAvailable.class, SharedCluster.class})
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OverloadClusterIT {
    private static final int SENDERS = 16;
    private static final Duration PROBE_WARMUP = Duration.ofSeconds(2);
    private static final Duration PROBE = Duration.ofSeconds(6);
    private static final Duration OVERLOAD = Duration.ofSeconds(30);
    private static final long ANSWER_WITHIN_MILLIS = 1_000;
    private static final Set<String> RETRYABLE = Set.of("RATE_LIMITED", "UNAVAILABLE");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().build();
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SharedCluster.cluster();
    }

    @AfterAll
    static void closeClient() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    /** One send as its client saw it: when it went out, when and how it was answered. */
    private static final class Send {
        final String chatId;
        final String clientMessageId;
        final long sentNanos = System.nanoTime();
        volatile long answeredNanos;
        volatile JsonNode answer;

        Send(String chatId, String clientMessageId) {
            this.chatId = chatId;
            this.clientMessageId = clientMessageId;
        }

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(answeredNanos - sentNanos);
        }
    }

    /** A customer's socket that records nothing but its sends' answers: thousands of pushes must cost little. */
    private record Sender(Socket socket, String chatId) {
        CompletableFuture<Send> send(String clientMessageId) {
            Send send = new Send(chatId, clientMessageId);
            CompletableFuture<Send> answered = new CompletableFuture<>();
            socket.emit("sendMessage", new Object[]{new JSONObject(Map.of("chatId", chatId,
                    "clientMessageId", clientMessageId, "content", "load " + clientMessageId))}, (Ack) args -> {
                send.answeredNanos = System.nanoTime();
                send.answer = json(args.length > 0 ? args[0] : null);
                answered.complete(send);
            });
            return answered;
        }
    }

    @Test
    void twiceTheSustainableRateIsAnsweredWithinASecondAndNothingIsLostOrDoubled() throws Exception {
        Api[] nodes = {cluster.api(1), cluster.api(2)};
        Person admin = ClusterUsers.admin(nodes[0]);
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            int node = 1 + i % 2;
            Person customer = ClusterUsers.registerCustomer(nodes[node - 1], "Load" + i);
            String chatId = ClusterUsers.startChat(nodes[node - 1], customer, "the opening line");
            senders.add(new Sender(connect(cluster.socketPort(node), customer.token()), chatId));
        }
        List<Send> sends = new ArrayList<>();
        try {
            double sustainable = sustainableRate(senders, sends);
            double offered = 2 * sustainable;
            List<Send> overload = offer(senders, offered);
            sends.addAll(overload);

            List<Send> slow = overload.stream().filter(s -> s.millis() > ANSWER_WITHIN_MILLIS).toList();
            assertThat(slow).as("sends answered later than %d ms (of %d)", ANSWER_WITHIN_MILLIS, overload.size())
                    .extracting(Send::millis).isEmpty();
            long acked = overload.stream().filter(s -> s.answer.path("success").asBoolean()).count();
            for (Send send : overload) {
                if (send.answer.path("success").asBoolean()) continue;
                assertThat(send.answer.path("error").path("code").asText()).as(send.answer.toString())
                        .isIn(RETRYABLE);
                assertThat(send.answer.at("/error/details/retryAfterSeconds").asInt())
                        .as("a retry hint: " + send.answer).isPositive();
            }
            assertThat(acked).as("sends acknowledged while overloaded (sustainable %.0f/s for %d s)",
                    sustainable, OVERLOAD.toSeconds()).isGreaterThan((long) (sustainable * OVERLOAD.toSeconds() / 2));

            Map<String, Map<String, Long>> storedByChat = new HashMap<>();
            for (Sender sender : senders) {
                storedByChat.put(sender.chatId(),
                        ClusterHistory.storedByClientMessageId(nodes[0], admin, sender.chatId()));
            }
            for (Send send : sends) {
                Long stored = storedByChat.get(send.chatId).get(send.clientMessageId);
                if (send.answer.path("success").asBoolean()) {
                    assertThat(stored).as("acknowledged, so stored at its seq: " + send.clientMessageId)
                            .isEqualTo(send.answer.path("data").path("seq").asLong());
                } else {
                    assertThat(stored).as("refused, so not stored: " + send.clientMessageId).isNull();
                }
            }
            long storedTotal = storedByChat.values().stream().mapToLong(Map::size).sum();
            long ackedTotal = sends.stream().filter(s -> s.answer.path("success").asBoolean()).count();
            assertThat(storedTotal).as("stored messages = acknowledged sends").isEqualTo(ackedTotal);

            Map<String, Long> refusals = overload.stream().filter(s -> !s.answer.path("success").asBoolean())
                    .collect(Collectors.groupingBy(s -> s.answer.path("error").path("code").asText(), TreeMap::new,
                            Collectors.counting()));
            Latencies all = new Latencies();
            overload.forEach(s -> all.add(s.answeredNanos - s.sentNanos));
            System.out.printf("OVERLOAD (2 nodes, %d socket senders): sustainable %.0f sends/s (closed loop);"
                            + " offered %.0f/s for %d s: %d sends, %d acknowledged (%.0f/s), refused %s;"
                            + " answers %s; 0 unanswered, 0 lost, 0 duplicated%n",
                    SENDERS, sustainable, offered, OVERLOAD.toSeconds(), overload.size(), acked,
                    acked / (double) OVERLOAD.toSeconds(), refusals, all);
        } finally {
            senders.forEach(s -> s.socket().close());
        }
    }

    /** Every sender sends its next message when the last is answered; acks per second after a warm-up. */
    private static double sustainableRate(List<Sender> senders, List<Send> sends) throws InterruptedException {
        long start = System.nanoTime();
        long countFrom = start + PROBE_WARMUP.toNanos();
        long stopAt = start + PROBE.toNanos();
        AtomicLong counted = new AtomicLong();
        AtomicLong next = new AtomicLong();
        List<Send> probe = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(senders.size());
        for (Sender sender : senders) {
            closedLoop(sender, stopAt, countFrom, counted, next, probe, done);
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("closed-loop senders finished").isTrue();
        sends.addAll(probe);
        double seconds = (stopAt - countFrom) / 1e9;
        double rate = counted.get() / seconds;
        assertThat(rate).as("acknowledged sends per second, closed loop").isPositive();
        return rate;
    }

    private static void closedLoop(Sender sender, long stopAt, long countFrom, AtomicLong counted, AtomicLong next,
                                   List<Send> probe, CountDownLatch done) {
        if (System.nanoTime() >= stopAt) {
            done.countDown();
            return;
        }
        sender.send("probe-" + next.incrementAndGet()).thenAccept(send -> {
            probe.add(send);
            if (send.answeredNanos >= countFrom && send.answeredNanos < stopAt
                    && send.answer.path("success").asBoolean()) {
                counted.incrementAndGet();
            }
            closedLoop(sender, stopAt, countFrom, counted, next, probe, done);
        });
    }

    /** Sends at {@code rate} per second, round robin over the senders, for the overload period; awaits answers. */
    private static List<Send> offer(List<Sender> senders, double rate) throws InterruptedException {
        List<CompletableFuture<Send>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + OVERLOAD.toNanos();
        long emitted = 0;
        while (System.nanoTime() < end) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            for (; emitted < due; emitted++) {
                Sender sender = senders.get((int) (emitted % senders.size()));
                pending.add(sender.send("load-" + emitted));
            }
            Thread.sleep(2);
        }
        List<Send> sends = new ArrayList<>();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int unanswered = 0;
        for (CompletableFuture<Send> future : pending) {
            long left = Math.max(1, giveUp - System.nanoTime());
            try {
                sends.add(future.get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                unanswered++;
            }
        }
        assertThat(unanswered).as("sends of %d with no answer 10 s after the load stopped", pending.size())
                .isZero();
        return sends;
    }

    private static Socket connect(int port, String token) throws Exception {
        IO.Options options = new IO.Options();
        options.forceNew = true;
        options.reconnection = false;
        options.transports = new String[]{"websocket"};
        options.timeout = 10_000;
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        options.auth = Map.of("token", token);
        Socket socket = IO.socket(URI.create("http://127.0.0.1:" + port), options);
        CompletableFuture<Object> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(true));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + (args.length > 0 ? args[0] : ""))));
        socket.connect();
        connected.get(15, TimeUnit.SECONDS);
        return socket;
    }

    private static JsonNode json(Object value) {
        try {
            return JSON.readTree(value == null ? "null" : value.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
