package io.parley.server.realtime;

import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a socket with a bad token receives, frame by frame. Socket.IO clients drop packets that arrive before
 * their CONNECT succeeded, so a client-side test could not see a leak; this one records the raw Engine.IO
 * frames on the wire (websocket transport), while the token's owner, a staff member, is busy in a chat and
 * every kind of room event is produced. Only the handshake and the connect_error may ever arrive.
 */
@H2Database
class RealtimeRefusedWireH2IT extends RealtimeTestBase {

    /** Records every text frame; answers nothing but the namespace CONNECT it is told to send. */
    static final class Frames implements WebSocket.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final String connectPacket;
        private final String thenEmit;
        private final StringBuilder partial = new StringBuilder();

        Frames(String connectPacket, String thenEmit) {
            this.connectPacket = connectPacket;
            this.thenEmit = thenEmit;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                received.add(frame);
                if (frame.startsWith("0")) { // Engine.IO open: CONNECT to "/", maybe an event right behind it
                    CompletableFuture<WebSocket> sent = ws.sendText(connectPacket, true);
                    if (thenEmit != null) sent.thenCompose(w -> w.sendText(thenEmit, true));
                }
            }
            ws.request(1);
            return null;
        }
    }

    private Frames raw(String connectPacket, String query) throws Exception {
        return raw(connectPacket, query, null);
    }

    private Frames raw(String connectPacket, String query, String thenEmit) throws Exception {
        Frames frames = new Frames(connectPacket, thenEmit);
        URI uri = URI.create("ws://127.0.0.1:" + socketServer.port() + "/socket.io/?EIO=4&transport=websocket"
                + query);
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, frames).get(10, TimeUnit.SECONDS);
        return frames;
    }

    @Test
    void aBadTokenGetsTheConnectErrorAndNotOneRoomEventOnTheWire() throws Exception {
        Person alice = staff("Alice", "agent");
        Person carla = customer("Carla");
        List<Frames> refused = List.of(
                raw("40{\"token\":\"" + alice.token() + "x\"}", ""),
                raw("40", "&token=" + alice.token() + "x"),
                raw("40", ""),
                // Emits right away (no callback), before any answer: earns no chatError or anything else.
                raw("40{\"token\":\"bad\"}", "", "42[\"typing\",{\"chatId\":\"x\",\"isTyping\":true}]"));
        TestSocket agent = socket(alice, WEBSOCKET);

        String chatId = startChat(carla, "Is anyone there?");
        post("/api/chats/" + chatId + "/assign", alice, null);
        post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "Yes"));
        post("/api/chats/" + chatId + "/status", alice, Map.of("status", "pending"));
        agent.await("inboxUpdate", u -> u.path("status").asText().equals("pending"));
        TestSocket.sleep(300);

        for (Frames frames : refused) {
            assertThat(frames.received).as("handshake first").isNotEmpty();
            assertThat(frames.received.get(0)).startsWith("0{\"sid\"");
            assertThat(frames.received.stream().filter(f -> f.startsWith("44"))).as("one connect_error")
                    .hasSize(1).allMatch(f -> f.contains("AUTH_FAILED"));
            assertThat(frames.received)
                    .as("nothing but open, connect_error, pings and closes (engine or namespace): " + frames.received)
                    .allMatch(f -> f.startsWith("0{") || f.startsWith("44") || f.equals("2") || f.equals("1")
                            || f.equals("41"));
        }
    }
}
