package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** joinChat {afterSeq} is a lossless resync: exactly what was missed, in order, then the live ones. */
@H2Database
class RealtimeResyncH2IT extends RealtimeTestBase {

    @Test
    void aReconnectingClientGetsExactlyWhatItMissedThenTheLiveOnes() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hello?");
        post("/api/chats/" + chatId + "/assign", alice, null);
        TestSocket first = socket(carla, WEBSOCKET);
        JsonNode joined = join(first, chatId);
        long lastSeen = last(joined.path("missed")).path("seq").asLong();
        first.close();

        List<String> sentWhileAway = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "away " + i));
            sentWhileAway.add("away " + i);
        }
        TestSocket back = socket(carla, POLLING);
        JsonNode rejoined = back.call("joinChat", Map.of("chatId", chatId, "afterSeq", lastSeen));
        JsonNode missed = ok(rejoined).path("missed");

        assertThat(missed).hasSize(20);
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < missed.size(); i++) {
            assertThat(missed.get(i).path("seq").asLong()).isEqualTo(lastSeen + 1 + i);
            contents.add(missed.get(i).path("content").asText());
        }
        assertThat(contents).containsExactlyElementsOf(sentWhileAway);

        for (int i = 1; i <= 3; i++) {
            post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "live " + i));
        }
        back.await("newMessage", m -> m.path("content").asText().equals("live 3"));
        List<Long> live = back.all("newMessage").stream().map(m -> m.path("seq").asLong()).toList();
        assertThat(live).containsExactly(lastSeen + 21, lastSeen + 22, lastSeen + 23);
        assertThat(back.indexOf(r -> r.name().equals("ack:joinChat")))
                .isLessThan(back.indexOf(r -> r.name().equals("newMessage")));
    }

    @Test
    void rejoiningWhileMessagesKeepComingLosesAndRepeatsNothing() throws Exception {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Busy chat");
        post("/api/chats/" + chatId + "/assign", alice, null);
        long start = last(join(socket(alice, WEBSOCKET), chatId).path("missed")).path("seq").asLong();

        int total = 30;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= total; i++) {
                post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "busy " + i));
            }
        });
        TestSocket.sleep(150);
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        JsonNode missed = ok(carlaSocket.call("joinChat", Map.of("chatId", chatId, "afterSeq", start))).path("missed");
        writer.get();
        long end = start + total;
        if (missed.isEmpty() || last(missed).path("seq").asLong() < end) {
            carlaSocket.await("newMessage", m -> m.path("seq").asLong() == end);
        }

        List<Long> received = new ArrayList<>();
        missed.forEach(m -> received.add(m.path("seq").asLong()));
        carlaSocket.all("newMessage").forEach(m -> received.add(m.path("seq").asLong()));
        assertThat(received).as("no message twice").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(received)).as("no message lost").containsExactlyElementsOf(range(start + 1, end));
        assertThat(received).as("in order").isSorted();
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) values.add(v);
        return values;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
