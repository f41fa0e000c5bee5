package io.parley.server.cluster;

import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on one chat arriving at either node, or at both at once: the event store's (aggregate, seq) key
 * settles every race, the loser is retried or rejected, and both nodes then tell the same story.
 */
@ExtendWith({ClusterAvailable.class, SharedCluster.class})
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CommandsOnAnyNodeClusterIT {
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SharedCluster.cluster();
    }


    @Test
    void twoNodesSendingToOneChatAtOnceNumberEveryMessageOnceWithoutGaps() throws Exception {
        ClusterRaces.concurrentSends(cluster, 1_000);
    }

    @Test
    void twoAgentsOnDifferentNodesTakingOneChatAtOnceLeaveExactlyOneHolder() throws Exception {
        ClusterRaces.simultaneousAssign(cluster, 5);
    }

    /**
     * Each node keeps the chats it handled in memory. Here node 1 knows the chat as Alice's when an admin gives it
     * to Bob through node 2: Alice taking it again on node 1 must meet Bob, not the chat as node 1 last saw it
     * (taking a chat one already holds stores nothing, so no unique key would catch a stale decision).
     */
    @Test
    void aNodeDecidesOnWhatAnotherNodeWroteSinceItLastSawTheChat() {
        Api node1 = cluster.api(1);
        Api node2 = cluster.api(2);
        Person admin = ClusterUsers.admin(node1);
        Person alice = ClusterUsers.createAgent(node1, admin, node1, "Alice2");
        Person bob = ClusterUsers.createAgent(node1, admin, node2, "Bob2");
        Person customer = ClusterUsers.registerCustomer(node1, "Stale");
        String chatId = ClusterUsers.startChat(node1, customer, "who holds me?");
        String assign = "/api/chats/" + chatId + "/assign";

        assertThat(node1.post(assign, alice.token(), null).status()).isEqualTo(200);
        assertThat(node1.post("/api/chats/" + chatId + "/messages", alice.token(), Map.of("content", "on it"))
                .status()).isEqualTo(201);
        Response transferred = node2.post(assign, admin.token(), Map.of("agentId", bob.id()));
        assertThat(transferred.status()).as(transferred.body().toString()).isEqualTo(200);

        Response again = node1.post(assign, alice.token(), null);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
        Response written = node1.post("/api/chats/" + chatId + "/messages", alice.token(), Map.of("content", "me?"));
        assertThat(written.status()).as(written.body().toString()).isEqualTo(409);
        for (Api node : new Api[]{node1, node2}) {
            Response chat = node.get("/api/chats/" + chatId, admin.token());
            assertThat(chat.data().path("assignedAgent").path("id").asText()).isEqualTo(bob.id());
        }
    }

    /**
     * Half of these writes land on the node that does not project the chat, which learns of them only by polling
     * the event table; the answer must still carry the write, and the other node must show it at once.
     */
    @Test
    void aWriteAnsweredByOneNodeIsReadBackThereAndShownByTheOtherAtOnce() {
        Api[] nodes = {cluster.api(1), cluster.api(2)};
        Person customer = ClusterUsers.registerCustomer(nodes[0], "Rita");
        String chatId = ClusterUsers.startChat(nodes[0], customer, "first message");
        Latencies[] latencies = {new Latencies(), new Latencies()};
        for (int i = 0; i < 100; i++) {
            int writer = i % 2;
            long start = System.nanoTime();
            Response sent = nodes[writer].post("/api/chats/" + chatId + "/messages", customer.token(),
                    Map.of("content", "m" + i));
            latencies[writer].add(System.nanoTime() - start);
            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
            assertThat(sent.data().path("content").asText()).isEqualTo("m" + i);
            long seq = sent.data().path("seq").asLong();

            Response seen = nodes[1 - writer].get("/api/chats/" + chatId + "/messages?afterSeq=" + (seq - 1)
                    + "&limit=1", customer.token());
            assertThat(seen.data()).hasSize(1);
            assertThat(seen.data().get(0).path("content").asText()).isEqualTo("m" + i);
        }
        System.out.println("cluster read-your-writes, sequential sends via node 1: " + latencies[0]);
        System.out.println("cluster read-your-writes, sequential sends via node 2: " + latencies[1]);
    }
}
