package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auto-assignment on two nodes: many chats start at once on both, two agents of capacity 3 (one connected to each
 * node) get three each, never more, no chat is given twice, and the rest wait and are given out as the agents
 * free up. Only the node whose router processor holds the one segment assigns.
 */
@ExtendWith(ClusterAvailable.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AutoAssignClusterIT {
    private static final int CHATS = 16;
    private static final int CAPACITY = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("auto-assign", Map.of("CHAT_AUTO_ASSIGN", "true"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.stop();
    }

    @Test
    void chatsStartingAtOnceOnBothNodesAreGivenOnceAndNobodyIsOverCapacity() throws Exception {
        Api[] nodes = {cluster.api(1), cluster.api(2)};
        Person admin = ClusterUsers.admin(nodes[0]);
        Person[] agents = {ClusterUsers.createAgent(nodes[0], admin, nodes[0], "Nora"),
                ClusterUsers.createAgent(nodes[1], admin, nodes[1], "Otto")};
        List<ClusterSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Response r = nodes[i].send("PATCH", "/api/admin/users/" + agents[i].id(), admin.token(),
                        "{\"capacity\": " + CAPACITY + "}");
                assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
                ClusterSocket socket = ClusterSocket.connect("agent" + i, cluster.socketPort(i + 1), agents[i].token());
                sockets.add(socket);
                socket.call("setAvailability", Map.of("availability", "online"));
            }
            List<Person> customers = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) customers.add(ClusterUsers.registerCustomer(nodes[i % 2], "C" + i));

            List<String> chats = startAllAtOnce(nodes, customers);

            // The first wave: each agent holds exactly three, and the other ten wait.
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(held(nodes[0], admin, agents[0])).hasSize(CAPACITY);
                assertThat(held(nodes[1], admin, agents[1])).hasSize(CAPACITY);
            });
            assertThat(held(nodes[1], admin, null)).hasSize(CHATS - 2 * CAPACITY);
            assertThat(waitingPositions(nodes, customers, chats)).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, CHATS - 2 * CAPACITY).boxed().toList());

            // The agents resolve what they hold, over either node; the queue drains, three at a time each.
            Set<String> resolved = new HashSet<>();
            int maxSeen = 0;
            while (resolved.size() < CHATS) {
                for (int i = 0; i < 2; i++) {
                    List<String> mine = held(nodes[i], admin, agents[i]);
                    maxSeen = Math.max(maxSeen, mine.size());
                    for (String chatId : mine) {
                        Response r = nodes[(i + 1) % 2].post("/api/chats/" + chatId + "/status", agents[i].token(),
                                Map.of("status", "resolved"));
                        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
                        resolved.add(chatId);
                    }
                }
                int done = resolved.size();
                if (done < CHATS) {
                    await().atMost(PATIENCE).until(() -> held(nodes[0], admin, agents[0]).size()
                            + held(nodes[1], admin, agents[1]).size() > 0);
                }
            }
            assertThat(maxSeen).isLessThanOrEqualTo(CAPACITY);
            assertThat(resolved).containsExactlyInAnyOrderElementsOf(chats);

            // Every chat was given exactly once, by the router; nobody was above capacity at any moment.
            for (String chatId : chats) {
                List<JsonNode> assignments = assignments(nodes[0], admin, chatId);
                assertThat(assignments).as(chatId).hasSize(1);
                assertThat(assignments.get(0).path("actor").path("id").asText()).isEqualTo("system");
            }
            assertNeverOver(nodes[0], admin, agents);
        } finally {
            sockets.forEach(ClusterSocket::close);
        }
    }

    private static List<String> startAllAtOnce(Api[] nodes, List<Person> customers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CHATS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                Api node = nodes[i % 2];
                Person customer = customers.get(i);
                String text = "Help " + i;
                started.add(pool.submit(() -> {
                    go.await();
                    return ClusterUsers.startChat(node, customer, text);
                }));
            }
            go.countDown();
            List<String> chats = new ArrayList<>();
            for (Future<String> f : started) chats.add(f.get(60, TimeUnit.SECONDS));
            return chats;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Active chats held by the agent (null: by nobody), as the inbox shows them. */
    private static List<String> held(Api node, Person admin, Person agent) {
        String assignee = agent == null ? "none" : agent.id();
        Response r = node.get("/api/chats?status=active&limit=100&assignee=" + assignee, admin.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.data().forEach(chat -> ids.add(chat.path("id").asText()));
        return ids;
    }

    private static List<Integer> waitingPositions(Api[] nodes, List<Person> customers, List<String> chats) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            JsonNode chat = nodes[(i + 1) % 2].get("/api/chats/" + chats.get(i), customers.get(i).token()).data();
            if (!chat.path("queuePosition").isNull()) positions.add(chat.path("queuePosition").asInt());
        }
        return positions;
    }

    private static List<JsonNode> assignments(Api node, Person admin, String chatId) {
        Response r = node.get("/api/audit/chats/" + chatId + "/events?limit=1000", admin.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        r.data().forEach(event -> {
            if (event.path("type").asText().startsWith("AgentAssigned")) found.add(event);
        });
        return found;
    }

    /**
     * Replays the event store in its global order (the order the router read it in): an agent's load goes up with
     * each assignment to them and down when a chat of theirs is resolved, and never passes capacity.
     */
    private static void assertNeverOver(Api node, Person admin, Person[] agents) throws Exception {
        Response r = node.get("/api/audit/events", admin.token());
        assertThat(r.status()).isEqualTo(200);
        Map<String, String> holderOf = new java.util.HashMap<>();
        Map<String, Integer> load = new java.util.HashMap<>();
        Map<String, Integer> most = new java.util.HashMap<>();
        int assignments = 0;
        for (String line : r.raw().body().split("\n")) {
            if (line.isBlank()) continue;
            JsonNode event = JSON.readTree(line);
            String type = event.path("type").asText();
            String chatId = event.path("chatId").asText();
            JsonNode payload = event.path("payload");
            if (type.startsWith("AgentAssigned")) {
                String agentId = payload.path("agentId").asText();
                holderOf.put(chatId, agentId);
                int now = load.merge(agentId, 1, Integer::sum);
                most.merge(agentId, now, Math::max);
                assignments++;
            } else if (type.startsWith("ChatStatusChanged")
                    && payload.path("status").asText().equalsIgnoreCase("resolved") && holderOf.containsKey(chatId)) {
                load.merge(holderOf.get(chatId), -1, Integer::sum);
            }
        }
        assertThat(assignments).isEqualTo(CHATS);
        for (Person agent : agents) {
            assertThat(most.getOrDefault(agent.id(), 0)).as(agent.id() + " at most").isEqualTo(CAPACITY);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
