package io.parley.dialects.core;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import io.parley.shared.Actor;
import io.parley.shared.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Puts the served dialects ({@code CHAT_DIALECTS}) on the Socket.IO server as namespaces {@code /<name>}: a socket
 * connects with a Parley token (the seed's {@code auth: {token}}, or {@code ?token=}) or gets a
 * {@code connect_error} {@code {code, message}}; a verified one joins its own room (and the staff room), and is
 * disconnected when its token expires.
 */
@Component
public class DialectSockets {
    private static final Logger log = LoggerFactory.getLogger(DialectSockets.class);
    private static final String TOKEN_ID = "parley.dialect.jti";
    private static final String EXPIRY = "parley.dialect.expiry";

    private final List<SocketDialect> dialects;
    private final DialectsProperties properties;
    private final DialectTokens tokens;
    private final Workers workers;
    private final List<SocketIONamespace> served = new CopyOnWriteArrayList<>();

    DialectSockets(List<SocketDialect> dialects, DialectsProperties properties, DialectTokens tokens,
                   Workers workers) {
        this.dialects = dialects;
        this.properties = properties;
        this.tokens = tokens;
        this.workers = workers;
    }

    /** Called once with the server, before it listens. */
    public void attach(SocketIOServer server) {
        for (SocketDialect dialect : dialects) {
            if (!properties.serves(dialect.name())) continue;
            SocketIONamespace namespace = server.addNamespace("/" + dialect.name());
            served.add(namespace);
            namespace.addAuthTokenListener((authData, client) -> authenticate(dialect, authData, client));
            namespace.addDisconnectListener(client -> {
                CompletableFuture<?> expiry = client.get(EXPIRY);
                if (expiry != null) expiry.cancel(false);
                DialectClient verified = DialectClient.of(client);
                if (verified != null) dialect.disconnected(verified);
            });
            dialect.register(new DialectNamespace(namespace, dialect, workers));
            log.info("Socket.IO dialect namespace /{} served", dialect.name());
        }
    }

    /**
     * The sockets of revoked tokens (logout, single session, a deactivated account) get {@code forceLogout
     * {reason}}, as Parley's own do, and are disconnected (on this node).
     */
    public void forceLogout(Collection<String> tokenIds, String reason) {
        for (SocketIONamespace namespace : served) {
            for (SocketIOClient socket : namespace.getAllClients()) {
                String tokenId = socket.get(TOKEN_ID);
                if (tokenId != null && tokenIds.contains(tokenId)) {
                    socket.sendEvent("forceLogout", Map.of("reason", reason == null ? "logout" : reason));
                    socket.disconnect();
                }
            }
        }
    }

    private AuthTokenResult authenticate(SocketDialect dialect, Object authData, SocketIOClient socket) {
        if (DialectClient.of(socket) != null) return AuthTokenResult.AuthTokenResultSuccess;
        String token = tokenOf(authData, socket);
        if (token == null) return refuse("a token is required: connect with auth: {token}");
        VerifiedToken verified;
        try {
            verified = tokens.verify(token);
        } catch (DialectException e) {
            return refuse(e.getMessage());
        } catch (RuntimeException e) {
            log.error("dialect socket authentication failed unexpectedly", e);
            return refuse("authentication is unavailable, try again later");
        }
        Actor actor = verified == null ? null : verified.actor();
        if (actor == null || actor.id() == null) return refuse("invalid token");
        socket.set(DialectClient.ACTOR, actor);
        socket.set(TOKEN_ID, verified.tokenId());
        if (verified.expiresAt() != null) socket.set(EXPIRY, closeAt(socket, verified.expiresAt()));
        socket.joinRoom(Rooms.person(actor));
        if (actor.isStaff()) socket.joinRoom(Rooms.STAFF);
        dialect.connected(new DialectClient(socket, actor));
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    /** A socket lives no longer than its token, as Parley's own do: it is disconnected when the token expires. */
    private static CompletableFuture<Void> closeAt(SocketIOClient socket, Instant expiresAt) {
        long millis = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
        return CompletableFuture.runAsync(socket::disconnect,
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    private static AuthTokenResult refuse(String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", message);
        data.put("code", ErrorCode.AUTH_FAILED.name());
        data.put("data", Map.of("code", ErrorCode.AUTH_FAILED.name(), "message", message));
        return new AuthTokenResult(false, data);
    }

    private static String tokenOf(Object authData, SocketIOClient socket) {
        if (authData instanceof Map<?, ?> auth && auth.get("token") instanceof String token && !token.isBlank()) {
            return token.trim();
        }
        String query = socket.getHandshakeData() == null ? null : socket.getHandshakeData().getSingleUrlParam("token");
        return query == null || query.isBlank() ? null : query.trim();
    }
}
