package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's socket on node 1 and an agent's on node 2: every push leaves the node that committed and crosses
 * through Redis, with the exclusions applied on the receiving node; typing, presence and forced logout cross too.
 */
@ExtendWith({ClusterAvailable.class, SharedCluster.class})
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SocketFanOutClusterIT {
    private static LocalCluster cluster;
    private static Api node1;
    private static Api node2;
    private static Person admin;
    private final List<ClusterSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = SharedCluster.cluster();
        node1 = cluster.api(1);
        node2 = cluster.api(2);
        admin = ClusterUsers.admin(node1);
    }


    @AfterEach
    void closeSockets() {
        sockets.forEach(ClusterSocket::close);
    }

    private ClusterSocket socket(String label, int node, Person person) {
        ClusterSocket socket = ClusterSocket.connect(label, cluster.socketPort(node), person.token());
        sockets.add(socket);
        return socket;
    }

    /** A customer with a chat, and an agent (signed in on node 2) holding it. */
    private record Pair(Person customer, Person agent, String chatId) {
    }

    private Pair pair(String name) {
        Person customer = ClusterUsers.registerCustomer(node1, name);
        String chatId = ClusterUsers.startChat(node1, customer, "hello from " + name);
        Person agent = ClusterUsers.createAgent(node1, admin, node2, "Agent" + name);
        assertThat(node2.post("/api/chats/" + chatId + "/assign", agent.token(), null).status()).isEqualTo(200);
        return new Pair(customer, agent, chatId);
    }

    @Test
    void messagesCrossNodesBothWaysOnceEach() {
        Pair p = pair("Lena");
        ClusterSocket customer = socket("customer@node1", 1, p.customer());
        ClusterSocket agent = socket("agent@node2", 2, p.agent());
        customer.call("joinChat", Map.of("chatId", p.chatId()));
        agent.call("joinChat", Map.of("chatId", p.chatId()));

        long fromCustomer = customer.call("sendMessage", Map.of("chatId", p.chatId(), "content", "hi agent"))
                .path("seq").asLong();
        agent.await("newMessage", m -> m.path("seq").asLong() == fromCustomer);
        long fromAgent = agent.call("sendMessage", Map.of("chatId", p.chatId(), "content", "hi customer"))
                .path("seq").asLong();
        customer.await("newMessage", m -> m.path("seq").asLong() == fromAgent);
        // A REST send on node 2 reaches the customer's socket on node 1.
        long viaRest = node2.post("/api/chats/" + p.chatId() + "/messages", p.agent().token(),
                Map.of("content", "via REST")).data().path("seq").asLong();
        customer.await("newMessage", m -> m.path("seq").asLong() == viaRest);

        ClusterSocket.sleep(300);
        for (ClusterSocket s : List.of(customer, agent)) {
            for (long seq : new long[]{fromCustomer, fromAgent, viaRest}) {
                assertThat(s.all("newMessage", m -> m.path("seq").asLong() == seq)).as(s.label + " #" + seq)
                        .hasSize(1);
            }
        }
        // The joinChat acknowledgement's 'missed' already had seq 1: it is not pushed again on either node.
        assertThat(agent.all("newMessage", m -> m.path("seq").asLong() == 1)).isEmpty();
    }

    @Test
    void typingCrossesNodesAndEndsByTimeoutAndByDisconnect() {
        Pair p = pair("Tara");
        ClusterSocket customer = socket("customer@node1", 1, p.customer());
        ClusterSocket agent = socket("agent@node2", 2, p.agent());
        customer.call("joinChat", Map.of("chatId", p.chatId()));
        agent.call("joinChat", Map.of("chatId", p.chatId()));

        customer.call("typing", Map.of("chatId", p.chatId(), "isTyping", true));
        agent.await("userTyping", t -> t.path("userId").asText().equals(p.customer().id())
                && t.path("isTyping").asBoolean());
        long started = System.nanoTime();
        // No refresh: the typist's node ends it after the 5 s timeout, and the other node hears it.
        agent.await("userTyping", t -> t.path("userId").asText().equals(p.customer().id())
                && !t.path("isTyping").asBoolean());
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms).isBetween(3_000L, 8_000L);
        assertThat(customer.all("userTyping", t -> t.path("userId").asText().equals(p.customer().id())))
                .as("the typist never hears their own indicator").isEmpty();

        agent.call("typing", Map.of("chatId", p.chatId(), "isTyping", true));
        customer.await("userTyping", t -> t.path("userId").asText().equals(p.agent().id())
                && t.path("isTyping").asBoolean());
        agent.close();
        customer.await("userTyping", t -> t.path("userId").asText().equals(p.agent().id())
                && !t.path("isTyping").asBoolean());
    }

    @Test
    void presenceIsCountedOverBothNodes() {
        Pair p = pair("Pia");
        ClusterSocket agent = socket("agent@node2", 2, p.agent());
        agent.call("joinChat", Map.of("chatId", p.chatId()));

        ClusterSocket customerOn1 = socket("customer@node1", 1, p.customer());
        JsonNode online = agent.await("presence", e -> e.path("userId").asText().equals(p.customer().id()));
        assertThat(online.path("online").asBoolean()).isTrue();
        customerOn1.call("joinChat", Map.of("chatId", p.chatId()));

        // The agent re-joining on node 2 sees the customer present through node 1.
        JsonNode joined = agent.call("joinChat", Map.of("chatId", p.chatId()));
        assertThat(joined.path("presence").findValuesAsText("userId")).contains(p.customer().id());
        // The customer's joinChat on node 1 sees the agent present through node 2.
        JsonNode customerJoined = customerOn1.call("joinChat", Map.of("chatId", p.chatId()));
        assertThat(customerJoined.path("presence").findValuesAsText("userId")).contains(p.agent().id());

        ClusterSocket customerOn2 = socket("customer@node2", 2, p.customer());
        customerOn1.close();
        ClusterSocket.sleep(1_000);
        assertThat(agent.all("presence", e -> e.path("userId").asText().equals(p.customer().id())
                && !e.path("online").asBoolean())).as("still online through node 2").isEmpty();

        customerOn2.close();
        JsonNode offline = agent.await("presence", e -> e.path("userId").asText().equals(p.customer().id())
                && !e.path("online").asBoolean());
        assertThat(offline.path("lastSeen").asText()).isNotEmpty();
        assertThat(agent.all("presence", e -> e.path("userId").asText().equals(p.customer().id())
                && e.path("online").asBoolean())).as("online announced once over both nodes").hasSize(1);
        assertThat(agent.all("presence", e -> e.path("userId").asText().equals(p.agent().id())))
                .as("never one's own presence").isEmpty();
    }

    @Test
    void aDeactivationOnOneNodeThrowsTheAgentOutOnTheOther() {
        Pair p = pair("Nina");
        ClusterSocket customer = socket("customer@node1", 1, p.customer());
        ClusterSocket agent = socket("agent@node2", 2, p.agent());
        customer.call("joinChat", Map.of("chatId", p.chatId()));
        // As an admin would: deactivating once the inbox shows the chat held by the agent.
        await().atMost(Duration.ofSeconds(15)).until(() -> node1.get("/api/chats?assignee=" + p.agent().id(),
                admin.token()).data().findValuesAsText("id").contains(p.chatId()));

        Response patched = node1.send("PATCH", "/api/admin/users/" + p.agent().id(), admin.token(),
                "{\"active\": false}");
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);

        assertThat(agent.await("forceLogout", f -> true).path("reason").asText()).isEqualTo("deactivated");
        agent.awaitAny(r -> r.name().equals("disconnect"));
        assertThat(node2.get("/api/auth/me", p.agent().token()).status()).isEqualTo(401);
        JsonNode unassigned = customer.await("chatAssigned", a -> a.path("agentId").isNull());
        assertThat(unassigned.path("previousAgentId").asText()).isEqualTo(p.agent().id());
        assertThat(customer.isConnected()).isTrue();
    }

    @Test
    void aLogoutOnOneNodeForcesTheSocketsOnTheOtherOut() {
        Pair p = pair("Olga");
        ClusterSocket customer = socket("customer@node1", 1, p.customer());
        ClusterSocket agent = socket("agent@node2", 2, p.agent());

        assertThat(node2.post("/api/auth/logout", p.customer().token(), null).status()).isEqualTo(204);

        assertThat(customer.await("forceLogout", f -> true).path("reason").asText()).isEqualTo("logout");
        customer.awaitAny(r -> r.name().equals("disconnect"));
        ClusterSocket.sleep(300);
        assertThat(agent.all("forceLogout", f -> true)).isEmpty();
        assertThat(agent.isConnected()).isTrue();
    }

    /**
     * Sockets joining on node 1 while the agent keeps sending through node 2: each gets every message after its
     * afterSeq exactly once, in its acknowledgement's missed list or live after it, never neither.
     */
    @Test
    void joiningWhileAnotherNodeSendsLosesNothing() throws Exception {
        Pair p = pair("Rita");
        int total = 80;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                node2.post("/api/chats/" + p.chatId() + "/messages", p.agent().token(), Map.of("content", "m" + i));
            }
        });
        sender.start();
        List<ClusterSocket> joiners = new ArrayList<>();
        List<List<Long>> missedSeqs = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            ClusterSocket.sleep(150);
            ClusterSocket joiner = socket("customer" + j + "@node1", 1, p.customer());
            JsonNode joined = joiner.call("joinChat", Map.of("chatId", p.chatId(), "afterSeq", 1));
            joiners.add(joiner);
            missedSeqs.add(joined.path("missed").findValues("seq").stream().map(JsonNode::asLong).toList());
        }
        sender.join(TimeUnit.MINUTES.toMillis(3));
        long last = node1.get("/api/chats/" + p.chatId() + "/messages?limit=1", p.customer().token()).data()
                .get(0).path("seq").asLong();
        for (int j = 0; j < joiners.size(); j++) {
            ClusterSocket joiner = joiners.get(j);
            // A joiner that joined after the last send got it with what it missed, not live.
            if (!missedSeqs.get(j).contains(last)) joiner.await("newMessage", m -> m.path("seq").asLong() == last);
            List<Long> seen = new ArrayList<>(missedSeqs.get(j));
            joiner.all("newMessage", m -> true).forEach(m -> seen.add(m.path("seq").asLong()));
            List<Long> expected = java.util.stream.LongStream.rangeClosed(2, last).boxed().toList();
            assertThat(seen).as(joiner.label + ": missed then live, each message once and in order")
                    .containsExactlyElementsOf(expected);
        }
    }

    /** Sequential send→receive across nodes: socket send on one node, arrival on the other node's socket. */
    @Test
    void measuresCrossNodeSendToReceive() {
        Pair p = pair("Mia");
        ClusterSocket customer = socket("customer@node1", 1, p.customer());
        ClusterSocket agent = socket("agent@node2", 2, p.agent());
        customer.call("joinChat", Map.of("chatId", p.chatId()));
        agent.call("joinChat", Map.of("chatId", p.chatId()));
        for (int i = 0; i < 20; i++) {     // warm-up
            ClusterSocket sender = i % 2 == 0 ? customer : agent;
            ClusterSocket receiver = sender == customer ? agent : customer;
            String content = "warm-" + i;
            sender.emit("sendMessage", Map.of("chatId", p.chatId(), "content", content));
            receiver.await("newMessage", m -> m.path("content").asText().equals(content));
        }
        Latencies oneToTwo = new Latencies();
        Latencies twoToOne = new Latencies();
        for (int i = 0; i < 200; i++) {
            ClusterSocket sender = i % 2 == 0 ? customer : agent;
            ClusterSocket receiver = sender == customer ? agent : customer;
            String content = "lat-" + i;
            long start = System.nanoTime();
            sender.emit("sendMessage", Map.of("chatId", p.chatId(), "content", content));
            long arrived = receiver.awaitReceived("newMessage", m -> m.path("content").asText().equals(content))
                    .atNanos();
            (sender == customer ? oneToTwo : twoToOne).add(arrived - start);
        }
        String summary = "cross-node socket send→receive, customer@node1 → agent@node2: " + oneToTwo
                + "\ncross-node socket send→receive, agent@node2 → customer@node1: " + twoToOne;
        System.out.println(summary);
    }
}
