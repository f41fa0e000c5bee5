package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One of two nodes is killed (SIGKILL) under steady socket load. Each client whose node died reconnects to the
 * survivor and retries its unacknowledged send with the same {@code clientMessageId}, as the contract tells
 * clients to. Then: every acknowledged message is in its chat's history exactly once, at the seq its ack gave;
 * seqs have no gaps; and once the survivor has taken over the dead node's segments, every chat's read models
 * equal a fresh fold of its events ({@code GET /api/admin/chats/{id}/check}). Prints what it measured.
 */
@ExtendWith(ClusterAvailable.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NodeCrashClusterIT {
    private static final int SENDERS_PER_NODE = 3;
    private static final Duration LOAD_BEFORE_CRASH = Duration.ofSeconds(4);
    private static final Duration LOAD_AFTER_CRASH = Duration.ofSeconds(6);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("node-crash", Map.of(
                "CHAT_PROCESSOR_SEGMENTS", "4",
                "CHAT_PROCESSOR_CLAIM_TIMEOUT", "5s",
                "CHAT_PROCESSOR_CLAIM_INTERVAL", "1s"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.stop();
    }

    /** What one client saw: its acknowledged sends (clientMessageId → seq) and its retries on the survivor. */
    private record Outcome(String chatId, Map<String, Long> acked, int retriedOnSurvivor, long slowestRetryMillis) {
    }

    @Test
    void everyAcknowledgedSendIsStoredOnceAndTheReadModelsMatchTheEvents() throws Exception {
        Api node1 = cluster.api(1);
        Api node2 = cluster.api(2);
        Person admin = ClusterUsers.admin(node2);
        List<Person> customers = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 2 * SENDERS_PER_NODE; i++) {
            Person customer = ClusterUsers.registerCustomer(i % 2 == 0 ? node1 : node2, "Crash" + i);
            customers.add(customer);
            chats.add(ClusterUsers.startChat(i % 2 == 0 ? node1 : node2, customer, "before the crash"));
        }

        long stopAt = System.nanoTime() + LOAD_BEFORE_CRASH.plus(LOAD_AFTER_CRASH).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(customers.size());
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            int node = i % 2 == 0 ? 1 : 2;
            Person customer = customers.get(i);
            String chatId = chats.get(i);
            outcomes.add(pool.submit(() -> sendUntil(customer, chatId, node, stopAt)));
        }
        Thread.sleep(LOAD_BEFORE_CRASH.toMillis());
        cluster.kill(1);
        long killed = System.nanoTime();
        List<Outcome> results = new ArrayList<>();
        for (Future<Outcome> outcome : outcomes) results.add(outcome.get(3, TimeUnit.MINUTES));
        pool.shutdown();

        long consistentAfter = 0;
        for (Outcome outcome : results) {
            JsonNode report = awaitConsistent(node2, admin, outcome.chatId());
            consistentAfter = Math.max(consistentAfter, System.nanoTime() - killed);
            assertThat(report.path("messages").asInt()).isEqualTo(outcome.acked().size() + 1);

            Map<String, Long> stored = ClusterHistory.storedByClientMessageId(node2, admin, outcome.chatId());
            assertThat(stored).as("every acknowledged send, once, at its acknowledged seq")
                    .containsExactlyInAnyOrderEntriesOf(outcome.acked());
        }
        int acked = results.stream().mapToInt(o -> o.acked().size()).sum();
        int retried = results.stream().mapToInt(Outcome::retriedOnSurvivor).sum();
        long slowest = results.stream().mapToLong(Outcome::slowestRetryMillis).max().orElse(0);
        assertThat(retried).as("clients of the killed node had sends to retry").isPositive();
        System.out.printf("NODE CRASH (2 nodes, node 1 SIGKILLed under %d socket senders): %d sends acknowledged,"
                        + " %d of them retried on the survivor with their clientMessageId (slowest retried send:"
                        + " %d ms from its first attempt to its ack); all %d chats' read models matched their events"
                        + " %d ms after the kill; 0 lost, 0 duplicated, no seq gaps%n",
                customers.size(), acked, retried, slowest, results.size(),
                TimeUnit.NANOSECONDS.toMillis(consistentAfter));
    }

    /** Sends every ~50 ms until {@code stopAt}; a send with no ack is retried, on the survivor if need be. */
    private Outcome sendUntil(Person customer, String chatId, int node, long stopAt) {
        ClusterSocket socket = joined(customer, chatId, node);
        int onNode = node;
        Map<String, Long> acked = new LinkedHashMap<>();
        int retried = 0;
        long slowestRetry = 0;
        try {
            while (System.nanoTime() < stopAt) {
                String clientMessageId = UUID.randomUUID().toString();
                long firstAttempt = System.nanoTime();
                boolean movedForThisOne = false;
                Long seq = null;
                while (seq == null) {
                    Optional<JsonNode> ack = socket.isConnected()
                            ? socket.tryCall("sendMessage", Map.of("chatId", chatId, "clientMessageId",
                            clientMessageId, "content", "m " + clientMessageId), ACK_TIMEOUT)
                            : Optional.empty();
                    if (ack.isPresent() && ack.get().path("success").asBoolean()) {
                        seq = ack.get().path("data").path("seq").asLong();
                    } else if (ack.isPresent()) {
                        String code = ack.get().path("error").path("code").asText();
                        assertThat(code).as("a refusal a client may retry: " + ack.get())
                                .isIn("RATE_LIMITED", "UNAVAILABLE", "INTERNAL");
                        ClusterSocket.sleep(200);
                    } else if (onNode == 1) {
                        socket.close();
                        socket = joined(customer, chatId, 2);
                        onNode = 2;
                        movedForThisOne = true;
                    }
                    if (System.nanoTime() - firstAttempt > GIVE_UP.toNanos()) {
                        fail("send " + clientMessageId + " in chat " + chatId + " not acknowledged within " + GIVE_UP);
                    }
                }
                acked.put(clientMessageId, seq);
                if (movedForThisOne) {
                    retried++;
                    slowestRetry = Math.max(slowestRetry,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstAttempt));
                }
                ClusterSocket.sleep(50);
            }
        } finally {
            socket.close();
        }
        return new Outcome(chatId, acked, retried, slowestRetry);
    }

    private ClusterSocket joined(Person customer, String chatId, int node) {
        ClusterSocket socket = ClusterSocket.connect("customer@node" + node, cluster.socketPort(node),
                customer.token());
        socket.call("joinChat", Map.of("chatId", chatId));
        return socket;
    }

    /** The admin check of the chat, asked until it is consistent (the survivor takes over the dead segments). */
    private static JsonNode awaitConsistent(Api api, Person admin, String chatId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            Api.Response r = api.get("/api/admin/chats/" + chatId + "/check", admin.token());
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            report = r.data();
            if (report.path("consistent").asBoolean()) return report;
            ClusterSocket.sleep(500);
        }
        return fail("chat " + chatId + "'s read models still differ from its events: " + report);
    }
}
