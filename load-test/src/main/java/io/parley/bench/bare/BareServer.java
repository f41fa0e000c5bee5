package io.parley.bench.bare;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bare baseline: Parley's socket protocol on the same netty-socketio, with nothing behind it but
 * {@link BareStore}. {@code joinChat {chatId, afterSeq?}} joins room {@code chat-<id>}; {@code sendMessage
 * {chatId, content, clientMessageId}} commits one transaction, then acks the message and pushes it as
 * {@code newMessage} to the room. {@code startChat {}} (not in Parley's protocol) sets a chat up for a run.
 */
public final class BareServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BareServer.class);
    private static final String USER = "userId";

    private final SocketIOServer server;
    private final ExecutorService pool;
    private final ChatQueues chats;
    private final BareStore store;
    private final int port;

    /** Starts listening on {@code host:port} (0 for any free port); {@code threads} handle events that block. */
    public BareServer(String host, int port, BareStore store, int threads) {
        this.store = store;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "bare-handler-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.chats = new ChatQueues(pool);
        Configuration config = new Configuration();
        config.setHostname(host);
        config.setPort(port);
        config.setContext("/socket.io");
        config.setTransports(Transport.WEBSOCKET, Transport.POLLING);
        // Acks leave after the commit, from the handler pool: never netty-socketio's automatic empty ack.
        config.setAckMode(AckMode.MANUAL);
        config.setRandomSession(true);
        config.getSocketConfig().setReuseAddress(true);
        this.server = new SocketIOServer(config);
        SocketIONamespace namespace = server.getNamespace(Namespace.DEFAULT_NAME);
        namespace.addAuthTokenListener((auth, client) -> authenticate(auth, client));
        namespace.addEventListener("startChat", Object.class, (client, data, ack) -> pool.execute(() ->
                answer(ack, () -> Map.of("chat", Map.of("id", store.startChat())))));
        namespace.addEventListener("joinChat", JoinRequest.class, this::join);
        namespace.addEventListener("sendMessage", SendRequest.class, this::send);
        Future<Void> bound = server.startAsync().syncUninterruptibly();
        this.port = ((InetSocketAddress) ((ChannelFuture) bound).channel().localAddress()).getPort();
    }

    /** {@code joinChat} payload. */
    record JoinRequest(String chatId, Long afterSeq) {
    }

    /** {@code sendMessage} payload. */
    record SendRequest(String chatId, String content, String clientMessageId) {
    }

    /** The port it listens on, also when started on port 0. */
    public int port() {
        return port;
    }

    private AuthTokenResult authenticate(Object auth, SocketIOClient client) {
        String userId = Tokens.userId(auth);
        if (userId == null) return new AuthTokenResult(false, Map.of("code", "AUTH_FAILED", "message", "no token"));
        client.set(USER, userId);
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    private void join(SocketIOClient client, JoinRequest request, AckRequest ack) {
        if (request == null || request.chatId() == null) {
            fail(ack, "VALIDATION_FAILED", "chatId is required");
            return;
        }
        String chatId = request.chatId();
        chats.run(chatId, () -> answer(ack, () -> {
            // Without afterSeq the caller asks for no catch-up, so only the chat's existence is read.
            List<BareMessage> missed = store.missed(chatId, request.afterSeq() == null ? Long.MAX_VALUE
                    : request.afterSeq());
            if (missed == null) return null;
            client.joinRoom(room(chatId));
            return Map.of("chat", Map.of("id", chatId), "missed", missed);
        }));
    }

    private void send(SocketIOClient client, SendRequest request, AckRequest ack) {
        String userId = client.get(USER);
        if (userId == null) {
            fail(ack, "AUTH_REQUIRED", "this socket is not authenticated");
        } else if (request == null || request.chatId() == null || request.content() == null) {
            fail(ack, "VALIDATION_FAILED", "chatId and content are required");
        } else {
            chats.run(request.chatId(), () -> {
                BareMessage message = answer(ack, () -> store.append(request.chatId(), userId, request.content(),
                        request.clientMessageId()));
                // After the ack, in this chat's commit order: the queue runs the chat's sends one by one.
                if (message != null) server.getRoomOperations(room(message.chatId())).sendEvent("newMessage", message);
            });
        }
    }

    /** Acks {@code {success:true, data}} with what the handler returns; null is NOT_FOUND, an exception INTERNAL. */
    private <T> T answer(AckRequest ack, Handler<T> handler) {
        try {
            T data = handler.run();
            if (data == null) fail(ack, "NOT_FOUND", "no such chat");
            else if (ack.isAckRequested()) ack.sendAckData(Map.of("success", true, "data", data));
            return data;
        } catch (Exception e) {
            log.warn("bare handler failed", e);
            fail(ack, "INTERNAL", String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static void fail(AckRequest ack, String code, String message) {
        if (ack.isAckRequested()) {
            ack.sendAckData(Map.of("success", false, "error", Map.of("code", code, "message", message)));
        }
    }

    static String room(String chatId) {
        return "chat-" + chatId;
    }

    /** A handler's work; may throw, as JDBC does. */
    private interface Handler<T> {
        T run() throws Exception;
    }

    @Override
    public void close() {
        server.stop();
        pool.shutdownNow();
    }
}
