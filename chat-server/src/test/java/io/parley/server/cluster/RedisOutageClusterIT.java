package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import io.parley.server.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Redis dies under two nodes and comes back. While it is down each node keeps accepting sockets and sends and
 * delivers to its own sockets; when it is back, every socket is told to {@code resync}, a re-join with
 * {@code afterSeq} returns what crossed no node meanwhile, and live delivery across nodes resumes by itself.
 * The cluster runs on a Redis of the test's own ({@link OwnRedis}), so the machine's Redis is never touched.
 * Prints what it saw (acknowledgement times during the outage, time to resync) to the test output.
 */
@ExtendWith(ClusterAvailable.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RedisOutageClusterIT {
    private static OwnRedis redis;
    private static LocalCluster cluster;
    private final List<ClusterSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void start() {
        Optional<Path> program = OwnRedis.program();
        if (program.isEmpty() && "true".equalsIgnoreCase(System.getenv("CHAT_TEST_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("redis-server is not installed, but the fault tests must run in CI");
        }
        if (program.isEmpty()) {
            System.err.println("\n*** SKIPPED CLUSTER TEST: RedisOutageClusterIT — no redis-server program to run"
                    + " a Redis of the test's own (install Debian's redis-server). ***\n");
        }
        assumeTrue(program.isPresent(), "no redis-server program");
        redis = OwnRedis.start(program.get(),
                LocalCluster.root().resolve("chat-server/target/cluster-it/redis-outage"));
        PostgresServer db = PostgresServer.get().orElseThrow();
        cluster = LocalCluster.start("redis-outage", db.freshSchemaUrl(), db.user(), db.password(), redis.url(),
                Map.of());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.stop();
        if (redis != null) redis.close();
    }

    private ClusterSocket socket(String label, int node, Person person) {
        ClusterSocket socket = ClusterSocket.connect(label, cluster.socketPort(node), person.token());
        sockets.add(socket);
        return socket;
    }

    @Test
    void eachNodeServesItsOwnSocketsThroughAnOutageAndEveryoneCatchesUpAfter() {
        Api node1 = cluster.api(1);
        Api node2 = cluster.api(2);
        Person admin = ClusterUsers.admin(node1);
        Person customer = ClusterUsers.registerCustomer(node1, "Rhea");
        String chatId = ClusterUsers.startChat(node1, customer, "hello before the outage");
        Person agent = ClusterUsers.createAgent(node1, admin, node2, "Ansel");
        assertThat(node2.post("/api/chats/" + chatId + "/assign", agent.token(), null).status()).isEqualTo(200);

        ClusterSocket customerOn1 = socket("customer@node1", 1, customer);
        ClusterSocket adminOn1 = socket("admin@node1", 1, admin);
        ClusterSocket agentOn2 = socket("agent@node2", 2, agent);
        for (ClusterSocket s : List.of(customerOn1, adminOn1, agentOn2)) s.call("joinChat", Map.of("chatId", chatId));
        long before = send(customerOn1, chatId, "before");
        agentOn2.await("newMessage", m -> m.path("seq").asLong() == before);

        redis.kill();
        long killed = System.nanoTime();
        List<Long> ackMillis = new ArrayList<>();
        List<String> fromNode1 = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String content = "node 1 during the outage " + i;
            long started = System.nanoTime();
            long seq = send(customerOn1, chatId, content);
            ackMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            fromNode1.add(content);
            adminOn1.await("newMessage", m -> m.path("seq").asLong() == seq);
        }
        List<String> fromNode2 = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String content = "node 2 during the outage " + i;
            long started = System.nanoTime();
            send(agentOn2, chatId, content);
            ackMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            fromNode2.add(content);
        }
        long connectStarted = System.nanoTime();
        ClusterSocket newcomerOn1 = socket("customer-newcomer@node1", 1, customer);
        JsonNode joined = newcomerOn1.call("joinChat", Map.of("chatId", chatId));
        long connectAndJoinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStarted);
        assertThat(contents(joined.path("missed"))).as("a socket that connects during the outage reads everything")
                .containsAll(fromNode1).containsAll(fromNode2);
        assertThat(contents(agentOn2.all("newMessage", m -> true))).as("nothing crossed while Redis was down")
                .doesNotContainAnyElementsOf(fromNode1);

        awaitRedisReachable(node1, false);
        awaitRedisReachable(node2, false);
        long detected = System.nanoTime() - killed;
        long restarted = System.nanoTime();
        redis.start();
        long resyncOn2 = agentOn2.awaitReceived("resync", r -> true).atNanos() - restarted;
        long resyncOn1 = customerOn1.awaitReceived("resync", r -> true).atNanos() - restarted;
        awaitRedisReachable(node1, true);
        awaitRedisReachable(node2, true);
        long bothUp = System.nanoTime() - restarted;

        JsonNode caughtUp = agentOn2.call("joinChat", Map.of("chatId", chatId, "afterSeq", before));
        assertThat(contents(caughtUp.path("missed"))).as("the agent's re-join returns what it missed")
                .containsAll(fromNode1);
        caughtUp = customerOn1.call("joinChat", Map.of("chatId", chatId, "afterSeq", before));
        assertThat(contents(caughtUp.path("missed"))).containsAll(fromNode2);

        long sentAfter = System.nanoTime();
        long after = send(customerOn1, chatId, "after the outage");
        String first = reaches(agentOn2, chatId, after, sentAfter);
        sentAfter = System.nanoTime();
        long afterFromAgent = send(agentOn2, chatId, "agent after the outage");
        String second = reaches(customerOn1, chatId, afterFromAgent, sentAfter);

        System.out.printf("REDIS OUTAGE (2 nodes, own Redis killed and restarted): both nodes reported it down"
                        + " %d ms after the kill; %d socket sends acked during the"
                        + " outage, ack max %d ms (each in order: %s); connect + joinChat on node 1 during the outage"
                        + " %d ms; resync reached node 2's socket %d ms and node 1's %d ms after Redis was started"
                        + " again, both nodes reported it reachable after %d ms; the next message crossed %s, the one"
                        + " after it %s%n",
                TimeUnit.NANOSECONDS.toMillis(detected), ackMillis.size(),
                ackMillis.stream().mapToLong(Long::longValue).max().orElse(0), ackMillis,
                connectAndJoinMillis, TimeUnit.NANOSECONDS.toMillis(resyncOn2),
                TimeUnit.NANOSECONDS.toMillis(resyncOn1), TimeUnit.NANOSECONDS.toMillis(bothUp), first, second);
        sockets.forEach(ClusterSocket::close);
    }

    /**
     * Waits for the message at {@code seq} as a client of the protocol would: pushed live, or, if a {@code resync}
     * arrives meanwhile (Redis may fail again for a moment while the nodes' pooled connections to the restarted
     * server are renewed), in the {@code missed} of the re-join the resync asks for. Answers which way it came.
     */
    private static String reaches(ClusterSocket socket, String chatId, long seq, long sentAtNanos) {
        ClusterSocket.Received first = socket.awaitAny(r -> r.name().equals("newMessage") && r.data() != null
                && r.data().path("seq").asLong() == seq || r.name().equals("resync") && r.atNanos() > sentAtNanos);
        if (first.name().equals("newMessage")) return "live";
        JsonNode rejoined = socket.call("joinChat", Map.of("chatId", chatId, "afterSeq", seq - 1));
        List<Long> seqs = new ArrayList<>();
        rejoined.path("missed").forEach(m -> seqs.add(m.path("seq").asLong()));
        assertThat(seqs).as("the re-join after a resync returns the message").contains(seq);
        return "by the re-join after a resync";
    }

    /** Until the node's health says whether its Redis answers (a heartbeat got through, or a call failed). */
    private static void awaitRedisReachable(Api node, boolean reachable) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode relay = null;
        while (System.nanoTime() < deadline) {
            relay = node.get("/actuator/health", null).body().at("/components/redisRelay/details");
            if (relay.path("reachable").isBoolean() && relay.path("reachable").asBoolean() == reachable) return;
            ClusterSocket.sleep(200);
        }
        throw new AssertionError("the node does not report Redis reachable=" + reachable + ": " + relay);
    }

    private static long send(ClusterSocket socket, String chatId, String content) {
        return socket.call("sendMessage", Map.of("chatId", chatId, "content", content,
                "clientMessageId", UUID.randomUUID().toString())).path("seq").asLong();
    }

    private static List<String> contents(JsonNode messages) {
        List<String> contents = new ArrayList<>();
        messages.forEach(m -> contents.add(m.path("content").asText()));
        return contents;
    }

    private static List<String> contents(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("content").asText()).toList();
    }
}
