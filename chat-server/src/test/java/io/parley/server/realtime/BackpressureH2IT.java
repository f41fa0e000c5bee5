package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.H2Database;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket may have only so many events waiting (8 here, 32 by default). A client that floods sends without
 * waiting for their acks gets RATE_LIMITED with a retry hint for the surplus, at once; what was accepted is stored
 * exactly once, what was refused not at all, and sending a refused message again with its clientMessageId works.
 */
@H2Database
@TestPropertySource(properties = {"chat.rate-limit.send-per-minute=0", "chat.socket-queue-per-socket=8"})
class BackpressureH2IT extends RealtimeTestBase {
    private static final int FLOOD = 150;

    @Test
    void aFloodingSocketIsRefusedWithARetryHintAndNothingIsLostOrDuplicated() throws Exception {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Flood");
        TestSocket socket = socket(carla, WEBSOCKET);
        join(socket, chatId);

        List<CompletableFuture<JsonNode>> pending = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            pending.add(socket.callLater("sendMessage", send(chatId, i)));
        }
        List<String> accepted = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            JsonNode ack = pending.get(i).get(30, TimeUnit.SECONDS);
            if (ack.path("success").asBoolean()) {
                accepted.add(ack.path("data").path("content").asText());
            } else {
                assertThat(ack.path("error").path("code").asText()).as(ack.toString()).isEqualTo("RATE_LIMITED");
                assertThat(ack.at("/error/details/retryAfterSeconds").asInt()).isEqualTo(1);
                refused.add(i);
            }
        }
        assertThat(refused).as("sends over the socket's bound").isNotEmpty();
        assertThat(accepted).as("sends within the bound").isNotEmpty();
        assertThat(floodIn(chatId, carla)).containsExactlyInAnyOrderElementsOf(accepted);

        for (int i : refused) {
            ok(socket.call("sendMessage", send(chatId, i)));
        }
        assertThat(floodIn(chatId, carla)).hasSize(FLOOD).doesNotHaveDuplicates();
    }

    private static JSONObject send(String chatId, int i) {
        return new JSONObject(Map.of("chatId", chatId, "content", "flood " + i, "clientMessageId", "flood-" + i));
    }

    private List<String> floodIn(String chatId, Person reader) {
        List<String> contents = new ArrayList<>();
        api.get("/api/chats/" + chatId + "/messages?limit=200", reader.token()).data()
                .forEach(m -> contents.add(m.path("content").asText()));
        return contents.stream().filter(c -> c.startsWith("flood ")).toList();
    }
}
