package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Over the socket too, text that cannot be stored as sent is refused with an error ack naming the field. */
abstract class RealtimeUnstorableTextTests extends RealtimeTestBase {

    @Test
    void aNulInASocketSendIsRefusedAndNothingJoinsTheHistory() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Hi");
        TestSocket socket = socket(carla, WEBSOCKET);
        join(socket, chatId);

        JsonNode content = socket.call("sendMessage", Map.of("chatId", chatId, "content", "a\u0000b"));
        assertThat(errorCode(content)).isEqualTo("VALIDATION_FAILED");
        assertThat(content.path("error").path("details").findValuesAsText("field")).containsExactly("content");
        JsonNode clientId = socket.call("sendMessage", Map.of("chatId", chatId, "content", "ok",
                "clientMessageId", "c\u0000", "attachmentIds", List.of("m\u0000")));
        assertThat(clientId.path("error").path("details").findValuesAsText("field"))
                .containsExactlyInAnyOrder("clientMessageId", "attachmentIds");
        assertThat(errorCode(socket.call("joinChat", Map.of("chatId", chatId + "\u0000"))))
                .isEqualTo("VALIDATION_FAILED");

        JsonNode sent = ok(socket.call("sendMessage", Map.of("chatId", chatId, "content", "still here 👋")));
        assertThat(sent.path("seq").asLong()).isEqualTo(2);
        // The ack follows the commit; the history read model follows it a moment later.
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode history = api.get("/api/chats/" + chatId + "/messages", carla.token()).data();
        while (history.size() < 2 && System.currentTimeMillis() < deadline) {
            TestSocket.sleep(50);
            history = api.get("/api/chats/" + chatId + "/messages", carla.token()).data();
        }
        assertThat(history.findValuesAsText("content")).containsExactly("Hi", "still here 👋");
    }
}
