package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.H2Database;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads no client of the contract sends: nested a thousand levels deep, binary instead of an object, or
 * compressed so that a small frame inflates to megabytes. Each is answered (an error ack naming the problem) or
 * cut off at the frame limit, and the socket, or the server, keeps working.
 */
@H2Database
class RealtimeHostileWireH2IT extends RealtimeTestBase {

    @Test
    void aDeeplyNestedPayloadIsRefusedByAckAndTheSocketStaysOpen() throws Exception {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Nesting");
        TestSocket socket = socket(carla, WEBSOCKET);
        join(socket, chatId);

        JSONObject deep = new JSONObject();
        JSONObject level = deep;
        for (int i = 0; i < 1000; i++) {
            JSONObject next = new JSONObject();
            level.put("a", next);
            level = next;
        }
        JsonNode ack = socket.call("sendMessage", new JSONObject(Map.of("chatId", chatId, "content", "x"))
                .put("extra", deep));
        assertThat(errorCode(ack)).isEqualTo("VALIDATION_FAILED");
        assertThat(ack.at("/error/message").asText()).contains("nests deeper than 64 levels");

        ok(socket.call("sendMessage", Map.of("chatId", chatId, "content", "still here")));
    }

    @Test
    void aBinaryPayloadIsAnsweredByAckNotDropped() throws Exception {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Bytes");
        TestSocket socket = socket(carla, POLLING);
        join(socket, chatId);

        // netty-socketio hands attachments over as their base64 text: bytes in place of the payload are no object.
        JsonNode ack = socket.call("sendMessage", new byte[]{1, 2, 3});
        assertThat(errorCode(ack)).isEqualTo("VALIDATION_FAILED");
        assertThat(ack.at("/error/details/0/message").asText()).contains("must be an object");
        ok(socket.call("sendMessage", Map.of("chatId", chatId, "content", "still here")));
    }

    @Test
    void websocketFramesAreNeverCompressedSoTheFrameLimitBoundsWhatIsRead() throws Exception {
        // A client offering permessage-deflate gets a plain websocket: the 64 KB frame limit then bounds the
        // bytes the server inflates into memory, not just the compressed ones.
        try (Socket raw = new Socket("127.0.0.1", socketServer.port())) {
            OutputStream out = raw.getOutputStream();
            out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(raw.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase());
            }
            assertThat(headers.get(0)).contains("101");
            assertThat(headers).noneMatch(h -> h.startsWith("sec-websocket-extensions"));
        }
    }
}
