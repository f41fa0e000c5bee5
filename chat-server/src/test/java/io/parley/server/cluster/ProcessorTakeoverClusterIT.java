package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.query.config.QuerySideConfig;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.cluster.TokenClaims.Claim;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model processors split their segments over both nodes, and a node that dies without a word hands
 * them to the survivor within the configured claim timeout, after which the read models stay current; the people
 * whose sockets were on it are announced offline.
 */
@ExtendWith(ClusterAvailable.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ProcessorTakeoverClusterIT {
    private static final List<String> PROCESSORS = List.of(QuerySideConfig.READ_MODELS);
    private static final int SEGMENTS = 4;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("processor-takeover", Map.of(
                "CHAT_PROCESSOR_SEGMENTS", String.valueOf(SEGMENTS),
                "CHAT_PROCESSOR_CLAIM_TIMEOUT", CLAIM_TIMEOUT.toSeconds() + "s",
                "CHAT_PROCESSOR_CLAIM_INTERVAL", CLAIM_INTERVAL.toSeconds() + "s"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.stop();
    }

    @Test
    void bothNodesShareEveryProcessorAndTheSurvivorTakesOverWithinTheClaimTimeout() {
        // Node 1 starts alone and claims everything; once node 2 is up, node 1 hands half of each processor over.
        awaitClaims(Duration.ofSeconds(60), claims -> PROCESSORS.stream().allMatch(processor ->
                held(claims, processor, 1) == SEGMENTS / 2 && held(claims, processor, 2) == SEGMENTS / 2));

        // A customer whose only socket is on node 2, watched by an agent on node 1.
        Api node1 = cluster.api(1);
        Person admin = ClusterUsers.admin(node1);
        Person doomedCustomer = ClusterUsers.registerCustomer(cluster.api(2), "Doomed");
        String doomedChat = ClusterUsers.startChat(cluster.api(2), doomedCustomer, "my node is about to die");
        Person agent = ClusterUsers.createAgent(node1, admin, node1, "Watcher");
        assertThat(node1.post("/api/chats/" + doomedChat + "/assign", agent.token(), null).status()).isEqualTo(200);
        try (ClusterSocket watcher = ClusterSocket.connect("agent@node1", cluster.socketPort(1), agent.token());
             ClusterSocket doomed = ClusterSocket.connect("customer@node2", cluster.socketPort(2),
                     doomedCustomer.token())) {
            watcher.call("joinChat", Map.of("chatId", doomedChat));
            doomed.call("joinChat", Map.of("chatId", doomedChat));
            watcher.await("presence", p -> isPresence(p, doomedCustomer, true));

            cluster.kill(2);
            takesOverAndKeepsTheReadModelsCurrent(admin);

            // Node 2's sockets are gone with it: one survivor tells the agent, once, that the customer is offline.
            JsonNode offline = watcher.await("presence", p -> isPresence(p, doomedCustomer, false));
            assertThat(offline.path("lastSeen").asText()).isNotBlank();
            ClusterSocket.sleep(1_000);
            assertThat(watcher.all("presence", p -> isPresence(p, doomedCustomer, false))).hasSize(1);
        }
    }

    private static boolean isPresence(JsonNode presence, Person person, boolean online) {
        return presence.path("userId").asText().equals(person.id()) && presence.path("online").asBoolean() == online;
    }

    private void takesOverAndKeepsTheReadModelsCurrent(Person admin) {
        Instant killed = Instant.now();
        awaitClaims(Duration.ofSeconds(60), claims -> PROCESSORS.stream().allMatch(processor ->
                held(claims, processor, 1) == SEGMENTS));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.println("cluster takeover after SIGKILL of node 2: " + takeover.toMillis() + " ms (claim timeout "
                + CLAIM_TIMEOUT.toMillis() + " ms, claim interval " + CLAIM_INTERVAL.toMillis() + " ms)");
        // Claims lapse after the timeout; an idle thread of the survivor notices within one claim interval.
        assertThat(takeover).isLessThanOrEqualTo(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(2));

        Api survivor = cluster.api(1);
        Person customer = ClusterUsers.registerCustomer(survivor, "Late");
        String chatId = ClusterUsers.startChat(survivor, customer, "started after node 2 died");
        Response inbox = survivor.get("/api/chats?status=active&assignee=none&limit=100", admin.token());
        assertThat(inbox.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        inbox.data().forEach(chat -> ids.add(chat.path("id").asText()));
        assertThat(ids).contains(chatId);
        Response health = survivor.get("/actuator/health", null);
        for (String processor : PROCESSORS) {
            assertThat(health.body().path("components").path("eventProcessors").path("details").path(processor)
                    .path("segmentsClaimed").asInt()).as(processor).isEqualTo(SEGMENTS);
        }
    }

    /** Segments of a processor node claims, counting only claims renewed within the claim timeout. */
    private static long held(List<Claim> claims, String processor, int node) {
        Instant fresh = Instant.now().minus(CLAIM_TIMEOUT);
        return claims.stream().filter(c -> c.processor().equals(processor) && cluster.owns(node, c.owner())
                && c.renewed() != null && c.renewed().isAfter(fresh)).count();
    }

    private static void awaitClaims(Duration within, Predicate<List<Claim>> condition) {
        Instant deadline = Instant.now().plus(within);
        List<Claim> claims = cluster.claims();
        while (!condition.test(claims)) {
            assertThat(Instant.now()).as("token claims did not get there: %s", claims).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            claims = cluster.claims();
        }
    }
}
