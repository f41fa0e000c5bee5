package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL crashes under two nodes and is started again. While it is down every send is answered, by socket
 * and by REST, with a clear error well within the client's ack timeout (never left hanging); once it is back the
 * nodes recover by themselves, without a restart, and the sends that failed succeed when retried with their
 * {@code clientMessageId}. Nothing acknowledged is lost, nothing is stored twice, and the read models equal the
 * events. The database is a PostgreSQL of the test's own ({@link OwnPostgres}). Prints what it measured.
 */
@ExtendWith(ClusterAvailable.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PostgresRestartClusterIT {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static OwnPostgres postgres;
    private static LocalCluster cluster;

    @BeforeAll
    static void start() {
        Optional<Path> programs = OwnPostgres.programs();
        if (programs.isEmpty() && "true".equalsIgnoreCase(System.getenv("CHAT_TEST_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("no PostgreSQL server programs, but the fault tests must run in CI");
        }
        if (programs.isEmpty()) {
            System.err.println("\n*** SKIPPED CLUSTER TEST: PostgresRestartClusterIT — no PostgreSQL server programs"
                    + " (/usr/lib/postgresql/<n>/bin) to run a database of the test's own. ***\n");
        }
        assumeTrue(programs.isPresent(), "no PostgreSQL server programs");
        postgres = OwnPostgres.start(programs.get());
        cluster = LocalCluster.start("postgres-restart", postgres.jdbcUrl(), "postgres", "", LocalCluster.redisUrl(),
                Map.of());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.stop();
        if (postgres != null) postgres.close();
    }

    @Test
    void sendsFailClearlyDuringTheOutageAndEverythingWorksAgainAfterIt() {
        Api node1 = cluster.api(1);
        Api node2 = cluster.api(2);
        Person admin = ClusterUsers.admin(node2);
        Person customer = ClusterUsers.registerCustomer(node1, "Pia");
        String chatId = ClusterUsers.startChat(node1, customer, "before the crash");
        ClusterSocket socket = ClusterSocket.connect("customer@node1", cluster.socketPort(1), customer.token());
        socket.call("joinChat", Map.of("chatId", chatId));
        Map<String, Long> acked = new LinkedHashMap<>();
        String first = UUID.randomUUID().toString();
        acked.put(first, send(socket, chatId, first).orElseThrow().path("data").path("seq").asLong());

        postgres.crash();
        long crashed = System.nanoTime();
        List<String> failed = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        long slowestAnswer = 0;
        int duringOutage = 0;
        while (System.nanoTime() - crashed < OUTAGE.toNanos()) {
            String id = UUID.randomUUID().toString();
            long sent = System.nanoTime();
            JsonNode answer = send(socket, chatId, id).orElseThrow(() -> new AssertionError(
                    "a send during the outage got no answer within " + ACK_TIMEOUT));
            slowestAnswer = Math.max(slowestAnswer, System.nanoTime() - sent);
            duringOutage++;
            if (answer.path("success").asBoolean()) {
                acked.put(id, answer.path("data").path("seq").asLong());
            } else {
                codes.merge(answer.path("error").path("code").asText(), 1, Integer::sum);
                assertThat(answer.path("error").path("message").asText()).isNotBlank();
                failed.add(id);
            }
            ClusterSocket.sleep(250);
        }
        long sent = System.nanoTime();
        Api.Response rest = node2.post("/api/chats/" + chatId + "/messages", customer.token(),
                Map.of("content", "over REST during the outage", "clientMessageId", "rest-during-outage"));
        long restMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertThat(rest.status()).as(rest.body().toString()).isIn(500, 503);
        assertThat(rest.body().path("success").asBoolean()).isFalse();
        assertThat(rest.errorCode()).isIn("INTERNAL", "UNAVAILABLE");
        assertThat(failed).as("sends while the database is down fail").isNotEmpty();

        postgres.start();
        long restarted = System.nanoTime();
        String probe = UUID.randomUUID().toString();
        JsonNode recovered = null;
        while (recovered == null) {
            assertThat(System.nanoTime() - restarted).as("the nodes recover by themselves")
                    .isLessThan(TimeUnit.SECONDS.toNanos(90));
            Optional<JsonNode> answer = send(socket, chatId, probe);
            if (answer.isPresent() && answer.get().path("success").asBoolean()) recovered = answer.get();
            else ClusterSocket.sleep(250);
        }
        long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        acked.put(probe, recovered.path("data").path("seq").asLong());
        for (String id : failed) {
            acked.put(id, send(socket, chatId, id).orElseThrow().path("data").path("seq").asLong());
        }
        Api.Response retried = node2.post("/api/chats/" + chatId + "/messages", customer.token(),
                Map.of("content", "over REST during the outage", "clientMessageId", "rest-during-outage"));
        assertThat(retried.status()).as(retried.body().toString()).isIn(200, 201);
        acked.put("rest-during-outage", retried.data().path("seq").asLong());
        socket.close();

        JsonNode check = awaitConsistent(node2, admin, chatId);
        assertThat(ClusterHistory.storedByClientMessageId(node2, admin, chatId))
                .as("every acknowledged send once, at its seq, no gaps")
                .containsExactlyInAnyOrderEntriesOf(acked);
        System.out.printf("POSTGRES RESTART (2 nodes, own PostgreSQL crashed for %d s): %d socket sends during the"
                        + " outage answered with %s (slowest answer %d ms, the pool's connection timeout),"
                        + " a REST send with %d in %d ms;"
                        + " sends succeeded again %d ms after the database was back, without restarting a node;"
                        + " %d messages stored once each, read models equal to the events (version %d)%n",
                OUTAGE.toSeconds(), duringOutage, codes,
                TimeUnit.NANOSECONDS.toMillis(slowestAnswer), rest.status(), restMillis, recoveryMillis,
                acked.size(), check.path("version").asLong());
    }

    private static Optional<JsonNode> send(ClusterSocket socket, String chatId, String clientMessageId) {
        return socket.tryCall("sendMessage", Map.of("chatId", chatId, "clientMessageId", clientMessageId,
                "content", "m " + clientMessageId), ACK_TIMEOUT);
    }

    private static JsonNode awaitConsistent(Api api, Person admin, String chatId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            Api.Response r = api.get("/api/admin/chats/" + chatId + "/check", admin.token());
            if (r.status() == 200) {
                report = r.data();
                if (report.path("consistent").asBoolean()) return report;
            }
            ClusterSocket.sleep(500);
        }
        throw new AssertionError("the read models still differ from the events: " + report);
    }
}
