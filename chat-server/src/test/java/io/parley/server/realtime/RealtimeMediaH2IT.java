package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.media.MediaClient;
import io.parley.server.media.MediaFiles;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Socket sendMessage with attachments: the same rules as REST, and the push carries the files' metadata. */
@H2Database
class RealtimeMediaH2IT extends RealtimeTestBase {

    @Test
    void aSocketMessageOfOnlyAFileIsPushedWithItsMetadataAndAFakeIdIsRefused() {
        MediaClient media = new MediaClient(httpPort);
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Photo of the damage");
        TestSocket carlaSocket = socket(carla, "websocket");
        TestSocket aliceSocket = socket(alice, "websocket");
        join(carlaSocket, chatId);
        join(aliceSocket, chatId);
        MediaClient.Upload photo = media.upload(carla.token(), "damage.png", "image/png", MediaFiles.png(50, 50));
        assertThat(photo.status()).as(photo.body().toString()).isEqualTo(201);
        String photoId = photo.data().path("id").asText();

        assertThat(errorCode(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "",
                "attachmentIds", List.of("made-up-id"))))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "")))).isEqualTo(
                "VALIDATION_FAILED");

        JsonNode sent = ok(carlaSocket.call("sendMessage", Map.of("chatId", chatId, "content", "",
                "attachmentIds", List.of(photoId), "clientMessageId", "photo-1")));
        assertThat(sent.path("attachments")).hasSize(1);
        assertThat(sent.path("attachments").get(0)).isEqualTo(photo.data());

        JsonNode pushed = aliceSocket.await("newMessage", m -> m.path("id").equals(sent.path("id")));
        assertThat(pushed.path("content").asText()).isEmpty();
        assertThat(pushed.path("attachments").get(0)).isEqualTo(photo.data());
        assertThat(media.get(photo.data().path("url").asText(), alice.token()).statusCode()).isEqualTo(200);
    }
}
