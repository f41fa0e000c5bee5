package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The two races of several nodes, played on a running cluster: sends to one chat, one chat taken twice. */
final class ClusterRaces {
    private ClusterRaces() {
    }

    /**
     * One customer writes to one chat from two devices at once, each connected to another node, {@code perNode}
     * messages each: every send is acknowledged, the chat numbers them 1 .. 1 + 2 * perNode (seq 1 is the first
     * message) without gap or duplicate, and both nodes answer the same history.
     */
    static void concurrentSends(LocalCluster cluster, int perNode) throws Exception {
        Api node1 = cluster.api(1);
        Api node2 = cluster.api(2);
        Person customer = ClusterUsers.registerCustomer(node1, "Carla");
        String chatId = ClusterUsers.startChat(node1, customer, "first message");

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            Future<Latencies> viaNode1 = senders.submit(() -> sendMany(node1, "n1", perNode, customer, chatId,
                    together));
            Future<Latencies> viaNode2 = senders.submit(() -> sendMany(node2, "n2", perNode, customer, chatId,
                    together));
            Latencies first = viaNode1.get(10, TimeUnit.MINUTES);
            Latencies second = viaNode2.get(10, TimeUnit.MINUTES);
            System.out.println("cluster send latency via node 1: " + first);
            System.out.println("cluster send latency via node 2: " + second);
        } finally {
            senders.shutdownNow();
        }

        List<JsonNode> fromNode1 = history(node1, customer, chatId);
        List<JsonNode> fromNode2 = history(node2, customer, chatId);
        assertThat(fromNode1).hasSize(1 + 2 * perNode);
        for (int i = 0; i < fromNode1.size(); i++) {
            assertThat(fromNode1.get(i).path("seq").asLong()).as("seq at position %d", i).isEqualTo(i + 1);
        }
        Set<String> contents = new HashSet<>();
        fromNode1.forEach(message -> contents.add(message.path("content").asText()));
        assertThat(contents).hasSize(fromNode1.size());
        for (int i = 0; i < perNode; i++) {
            assertThat(contents).contains("n1-" + i, "n2-" + i);
        }
        assertThat(summary(fromNode2)).isEqualTo(summary(fromNode1));
    }

    /**
     * Two agents, signed in on different nodes, take the same fresh chat at the same moment, {@code rounds} times:
     * each time exactly one gets 200, the other 409 CONFLICT, and both nodes show the winner as the holder.
     */
    static void simultaneousAssign(LocalCluster cluster, int rounds) throws Exception {
        Api node1 = cluster.api(1);
        Api node2 = cluster.api(2);
        Person admin = ClusterUsers.admin(node1);
        Person alice = ClusterUsers.createAgent(node1, admin, node1, "Alice");
        Person bob = ClusterUsers.createAgent(node1, admin, node2, "Bob");

        ExecutorService agents = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                Person customer = ClusterUsers.registerCustomer(node1, "Cust" + round);
                String chatId = ClusterUsers.startChat(node1, customer, "who takes me?");
                CyclicBarrier together = new CyclicBarrier(2);
                String path = "/api/chats/" + chatId + "/assign";
                Future<Response> byAlice = agents.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return node1.post(path, alice.token(), null);
                });
                Future<Response> byBob = agents.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return node2.post(path, bob.token(), null);
                });
                Response a = byAlice.get(60, TimeUnit.SECONDS);
                Response b = byBob.get(60, TimeUnit.SECONDS);

                assertThat(List.of(a.status(), b.status())).as("%s / %s", a.body(), b.body())
                        .containsExactlyInAnyOrder(200, 409);
                Response loser = a.status() == 409 ? a : b;
                assertThat(loser.errorCode()).isEqualTo("CONFLICT");
                String holder = (a.status() == 200 ? alice : bob).id();
                for (Api node : List.of(node1, node2)) {
                    Response chat = node.get("/api/chats/" + chatId, admin.token());
                    assertThat(chat.data().path("assignedAgent").path("id").asText()).isEqualTo(holder);
                    assertThat(chat.data().path("status").asText()).isEqualTo("in_progress");
                }
            }
        } finally {
            agents.shutdownNow();
        }
    }

    /** Sends through one node; every send must be acknowledged with the message read back from the read model. */
    private static Latencies sendMany(Api node, String prefix, int count, Person sender, String chatId,
                                      CyclicBarrier together) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            String content = prefix + "-" + i;
            long start = System.nanoTime();
            Response sent = node.post("/api/chats/" + chatId + "/messages", sender.token(),
                    Map.of("content", content, "clientMessageId", content));
            latencies.add(System.nanoTime() - start);
            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
            assertThat(sent.data().path("content").asText()).isEqualTo(content);
            assertThat(sent.data().path("seq").asLong()).isGreaterThan(1);
        }
        return latencies;
    }

    private static List<JsonNode> history(Api node, Person reader, String chatId) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            Response page = node.get("/api/chats/" + chatId + "/messages?afterSeq=" + after + "&limit=200",
                    reader.token());
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            if (page.data().isEmpty()) return all;
            page.data().forEach(all::add);
            after = all.get(all.size() - 1).path("seq").asLong();
        }
    }

    private static List<String> summary(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("seq").asLong() + ":" + m.path("id").asText() + ":"
                + m.path("content").asText()).toList();
    }
}
