package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.H2Database;
import io.parley.shared.event.AgentAvailabilityChangedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Transient signals (typing, presence) and the one business fact among them (availability). */
@H2Database
class RealtimeTypingPresenceH2IT extends RealtimeTestBase {
    @Autowired
    EventStore eventStore;

    @Test
    void typingExpiresFiveSecondsAfterTheLastRefresh() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket agent = socket(staff("Alice", "agent"), POLLING);
        join(carlaSocket, chatId);
        join(agent, chatId);

        ok(carlaSocket.call("typing", Map.of("chatId", chatId, "isTyping", true)));
        agent.await("userTyping", t -> t.path("isTyping").asBoolean());
        long started = System.nanoTime();
        TestSocket.sleep(3000);
        ok(carlaSocket.call("typing", Map.of("chatId", chatId, "isTyping", true)));
        long refreshed = System.nanoTime();
        agent.assertNo("userTyping", t -> !t.path("isTyping").asBoolean(), Duration.ofMillis(3500));
        agent.await("userTyping", t -> !t.path("isTyping").asBoolean());
        long expiredAfterRefresh = Duration.ofNanos(System.nanoTime() - refreshed).toMillis();

        assertThat(expiredAfterRefresh).isBetween(4500L, 8000L);
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isGreaterThan(7500L);
        assertThat(agent.all("userTyping")).as("a refresh is not re-broadcast").hasSize(2);
    }

    @Test
    void aDisconnectClearsTyping() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket agent = socket(staff("Alice", "agent"), WEBSOCKET);
        join(carlaSocket, chatId);
        join(agent, chatId);
        ok(carlaSocket.call("typing", Map.of("chatId", chatId, "isTyping", true)));
        agent.await("userTyping", t -> t.path("isTyping").asBoolean());

        long closedAt = System.nanoTime();
        carlaSocket.disconnect();
        JsonNode stopped = agent.await("userTyping", t -> !t.path("isTyping").asBoolean());
        assertThat(stopped.path("userId").asText()).isEqualTo(carla.id());
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt).toMillis()).isLessThan(4000L);
    }

    @Test
    void presenceIsCountedPerPersonAcrossSockets() {
        TestSocket watcher = socket(staff("Walter", "agent"), WEBSOCKET);
        Person carla = customer("Carla");
        TestSocket phone = socket(carla, WEBSOCKET);
        JsonNode online = watcher.await("presence", p -> p.path("userId").asText().equals(carla.id()));
        assertThat(online.path("online").asBoolean()).isTrue();
        assertThat(online.path("role").asText()).isEqualTo("user");
        TestSocket laptop = socket(carla, POLLING);

        phone.disconnect();
        watcher.assertNo("presence", p -> p.path("userId").asText().equals(carla.id())
                && !p.path("online").asBoolean(), Duration.ofMillis(800));
        assertThat(presenceOf(watcher, carla)).as("one online, nothing for the second socket or the first close")
                .hasSize(1);
        laptop.disconnect();
        JsonNode offline = watcher.await("presence", p -> p.path("userId").asText().equals(carla.id())
                && !p.path("online").asBoolean());
        assertThat(offline.path("lastSeen").asText()).matches(RealtimeFlowTests.API_TIME);
        assertThat(offline.path("lastSeen").asText()).isGreaterThanOrEqualTo(online.path("lastSeen").asText());
    }

    @Test
    void anAgentsPresenceReachesTheChatsTheyJoin() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hi");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        join(carlaSocket, chatId);
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        JsonNode aliceJoin = join(aliceSocket, chatId);

        assertThat(aliceJoin.path("presence").findValuesAsText("userId")).contains(carla.id());
        carlaSocket.await("presence", p -> p.path("userId").asText().equals(alice.id()) && p.path("online").asBoolean());
        aliceSocket.disconnect();
        carlaSocket.await("presence", p -> p.path("userId").asText().equals(alice.id()) && !p.path("online").asBoolean());
    }

    @Test
    void availabilityIsACommandAndAnEventPushedToAgents() {
        Person alice = staff("Alice", "agent");
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        TestSocket bobSocket = socket(staff("Bob", "agent"), POLLING);
        Person carla = customer("Carla");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);

        JsonNode set = ok(aliceSocket.call("setAvailability", Map.of("availability", "away")));
        assertThat(set.path("agentId").asText()).isEqualTo(alice.id());
        assertThat(set.path("availability").asText()).isEqualTo("away");
        assertThat(set.path("changedAt").asText()).matches(RealtimeFlowTests.API_TIME);
        JsonNode pushed = bobSocket.await("agentAvailability", a -> a.path("agentId").asText().equals(alice.id()));
        assertThat(pushed.path("availability").asText()).isEqualTo("away");
        assertThat(errorCode(aliceSocket.call("setAvailability", Map.of("availability", "sleeping"))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(carlaSocket.call("setAvailability", Map.of("availability", "online"))))
                .isEqualTo("FORBIDDEN");

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(alice.id()).asStream().toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getPayload()).isInstanceOf(AgentAvailabilityChangedEvent.class);
        assertThat(stored.get(0).getMetaData().get("actorId")).isEqualTo(alice.id());
        carlaSocket.assertNo("agentAvailability", a -> true, Duration.ofMillis(300));
    }

    private static List<JsonNode> presenceOf(TestSocket socket, Person person) {
        return socket.all("presence").stream().filter(p -> p.path("userId").asText().equals(person.id())).toList();
    }
}
