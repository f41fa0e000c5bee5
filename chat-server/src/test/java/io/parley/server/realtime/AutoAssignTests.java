package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auto-assignment (CHAT_AUTO_ASSIGN) as agents and customers meet it over REST and sockets: the least-loaded
 * online agent below capacity gets the next chat, ties to the one idle longest; nobody free, chats wait in
 * order and show their customer a queuePosition that counts down.
 */
@TestPropertySource(properties = "chat.auto-assign=true")
abstract class AutoAssignTests extends RealtimeTestBase {
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<Agent> agents = new ArrayList<>();

    /** An agent with an open socket who set their availability. */
    record Agent(Person person, TestSocket socket) {
        String id() {
            return person.id();
        }
    }

    @Test
    void threeAgentsOfDifferentLoadAndCapacityGetChatsLeastLoadedFirstThenIdleLongest() {
        Person anna = staffWithCapacity("Anna", 1);
        Person ben = staffWithCapacity("Ben", 3);
        Person cleo = staffWithCapacity("Cleo", 2);
        // Ben already holds a chat he took by hand before anyone was online.
        Person early = customer("Early");
        String held = startChat(early, "I was here first");
        post("/api/chats/" + held + "/assign", ben, Map.of());
        awaitHolder(held, ben);

        online(anna);
        online(cleo);
        online(ben);
        // Anna and Cleo hold nothing (Anna online longest), Ben one: Anna (now full), Cleo, then Ben and Cleo
        // tie at one each and Ben, idle since his own take, waited longer; then Cleo (full), then Ben (full).
        List<Person> expected = List.of(anna, cleo, ben, cleo, ben);
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Person customer = customer("Customer" + i);
            String chatId = startChat(customer, "Question " + i);
            chats.add(chatId);
            JsonNode assigned = awaitHolder(chatId, expected.get(i));
            assertThat(assigned.path("status").asText()).isEqualTo("in_progress");
        }
        Agent annaAgent = agent(anna);
        JsonNode pushed = annaAgent.socket().await("chatAssigned",
                a -> a.path("chatId").asText().equals(chats.get(0)));
        assertThat(pushed.path("agentId").asText()).isEqualTo(anna.id());
        assertThat(pushed.path("previousAgentId").isNull()).isTrue();

        // Everyone is full: the next chat waits, first in the queue.
        Person late = customer("Late");
        String waiting = startChat(late, "Anyone there?");
        assertThat(awaitPosition(late, waiting, 1)).isEqualTo(1);
        TestSocket lateSocket = socket(late, WEBSOCKET);
        join(lateSocket, waiting);
        assertThat(activeCount(anna)).isEqualTo(1);
        assertThat(activeCount(ben)).isEqualTo(3);
        assertThat(activeCount(cleo)).isEqualTo(2);

        // Anna resolves hers: she is free again and gets the waiting chat; its customer sees no position.
        post("/api/chats/" + chats.get(0) + "/status", anna, Map.of("status", "resolved"));
        awaitHolder(waiting, anna);
        // The same pushes as a manual assignment: chatAssigned in the chat's room, inboxUpdate to its customer.
        assertThat(lateSocket.await("chatAssigned", a -> a.path("chatId").asText().equals(waiting))
                .path("agentId").asText()).isEqualTo(anna.id());
        assertThat(lateSocket.await("inboxUpdate", u -> u.path("chatId").asText().equals(waiting)
                && !u.path("assignedAgent").isNull()).path("assignedAgent").path("id").asText()).isEqualTo(anna.id());
        assertThat(api.get("/api/chats/" + waiting, late.token()).data().path("queuePosition").isNull()).isTrue();
        JsonNode joined = api.get("/api/chats/" + waiting + "/messages", late.token()).data();
        assertThat(joined.findValuesAsText("content")).contains("Anna joined the chat");
        assertThat(activeCount(anna)).isEqualTo(1);
    }

    @Test
    void anAgentWhoIsAwayOrDisconnectedGetsNothingAndGetsTheWaitingChatWhenBack() {
        Person dina = staffWithCapacity("Dina", 5);
        Agent agent = online(dina);
        ok(agent.socket().call("setAvailability", Map.of("availability", "away")));

        Person first = customer("First");
        String chatId = startChat(first, "Hello?");
        assertThat(awaitPosition(first, chatId, 1)).isEqualTo(1);
        agent.socket().assertNo("chatAssigned", a -> a.path("chatId").asText().equals(chatId),
                Duration.ofMillis(1500));
        assertThat(api.get("/api/chats/" + chatId, admin).data().path("assignedAgent").isNull()).isTrue();

        ok(agent.socket().call("setAvailability", Map.of("availability", "online")));
        awaitHolder(chatId, dina);
        assertThat(agent.socket().await("chatAssigned", a -> a.path("chatId").asText().equals(chatId))
                .path("agentId").asText()).isEqualTo(dina.id());

        // Online but without a socket: nothing; a socket again, and the waiting chat comes.
        agent.socket().close();
        Person second = customer("Second");
        String next = startChat(second, "Me too");
        assertThat(awaitPosition(second, next, 1)).isEqualTo(1);
        await().during(Duration.ofMillis(1500)).atMost(PATIENCE).until(() ->
                api.get("/api/chats/" + next, admin).data().path("assignedAgent").isNull());
        TestSocket back = socket(dina, WEBSOCKET);
        agents.add(new Agent(dina, back));
        awaitHolder(next, dina);
    }

    @Test
    void waitingChatsAreServedOldestFirstAndTheirPositionsCountDown() {
        Person eva = staffWithCapacity("Eva", 1);
        Agent agent = online(eva);
        List<Person> customers = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person customer = customer("Queued" + i);
            customers.add(customer);
            chats.add(startChat(customer, "Waiting " + i));
            if (i == 0) awaitHolder(chats.get(0), eva);
        }
        for (int i = 1; i < 4; i++) {
            assertThat(awaitPosition(customers.get(i), chats.get(i), i)).isEqualTo(i);
        }
        JsonNode mine = api.get("/api/chats/mine", customers.get(3).token()).data();
        assertThat(mine.get(0).path("queuePosition").asInt()).isEqualTo(3);
        assertThat(api.get("/api/chats/" + chats.get(0), customers.get(0).token()).data().path("queuePosition")
                .isNull()).isTrue();

        for (int served = 1; served < 4; served++) {
            post("/api/chats/" + chats.get(served - 1) + "/close", eva, Map.of());
            awaitHolder(chats.get(served), eva);
            assertThat(activeCount(eva)).isEqualTo(1);
            for (int i = served + 1; i < 4; i++) {
                assertThat(awaitPosition(customers.get(i), chats.get(i), i - served)).isEqualTo(i - served);
            }
        }
        assertThat(agent.socket().all("chatAssigned").stream()
                .filter(a -> a.path("agentId").asText().equals(eva.id()))
                .map(a -> a.path("chatId").asText()).toList()).containsSubsequence(chats);
    }

    @Test
    void aChatReturnedToTheQueueGoesToTheNextFreeAgent() {
        Person fay = staffWithCapacity("Fay", 5);
        online(fay);
        Person customer = customer("Returned");
        String chatId = startChat(customer, "Still there?");
        awaitHolder(chatId, fay);
        Person gus = staffWithCapacity("Gus", 5);
        Agent gusAgent = online(gus);

        Response deactivated = api.send("PATCH", "/api/admin/users/" + fay.id(), admin, "{\"active\": false}");
        assertThat(deactivated.status()).as(deactivated.body().toString()).isEqualTo(200);

        awaitHolder(chatId, gus);
        JsonNode pushed = gusAgent.socket().await("chatAssigned",
                a -> a.path("chatId").asText().equals(chatId) && a.path("agentId").asText().equals(gus.id()));
        assertThat(pushed.path("previousAgentId").isNull()).isTrue();
        JsonNode history = api.get("/api/chats/" + chatId + "/messages", customer.token()).data();
        assertThat(history.findValuesAsText("content")).containsSubsequence(
                "Fay is no longer available; the chat is back in the queue", "Gus joined the chat");
    }

    /** Leaves no waiting chat and no available agent behind for the next test of this context. */
    @AfterEach
    void leaveNothingWaiting() {
        for (Agent agent : agents) {
            if (agent.socket().isConnected()) agent.socket().call("setAvailability", Map.of("availability", "away"));
        }
        agents.clear();
        JsonNode open = api.get("/api/chats?status=active&limit=100", admin).data();
        for (JsonNode chat : open) {
            api.post("/api/chats/" + chat.path("id").asText() + "/close", admin, Map.of());
        }
    }

    Person staffWithCapacity(String name, int capacity) {
        Person person = staff(name, "agent");
        Response r = api.send("PATCH", "/api/admin/users/" + person.id(), admin, "{\"capacity\": " + capacity + "}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return person;
    }

    /** Connects a socket and sets availability online. */
    Agent online(Person person) {
        TestSocket socket = socket(person, WEBSOCKET);
        ok(socket.call("setAvailability", Map.of("availability", "online")));
        Agent agent = new Agent(person, socket);
        agents.add(agent);
        return agent;
    }

    Agent agent(Person person) {
        return agents.stream().filter(a -> a.id().equals(person.id())).findFirst().orElseThrow();
    }

    /** Waits until the chat is held by this agent, as staff read it; returns the chat. */
    JsonNode awaitHolder(String chatId, Person agent) {
        JsonNode[] chat = new JsonNode[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            chat[0] = api.get("/api/chats/" + chatId, admin).data();
            assertThat(chat[0].path("assignedAgent").path("id").asText()).as(chatId).isEqualTo(agent.id());
        });
        return chat[0];
    }

    /** Waits until the customer sees the chat at this queue position; returns it. */
    int awaitPosition(Person customer, String chatId, int position) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                api.get("/api/chats/" + chatId, customer.token()).data().path("queuePosition").asInt(-1))
                .isEqualTo(position));
        return api.get("/api/chats/" + chatId, customer.token()).data().path("queuePosition").asInt();
    }

    int activeCount(Person agent) {
        Response r = api.get("/api/chats?status=active&assignee=" + agent.id() + "&limit=100", admin);
        return r.data().size();
    }
}
