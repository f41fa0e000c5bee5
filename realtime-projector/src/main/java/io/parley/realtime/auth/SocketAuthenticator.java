package io.parley.realtime.auth;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import io.parley.realtime.auth.SocketAuthException;
import io.parley.realtime.auth.SocketIdentity;
import io.parley.realtime.auth.SocketTokenVerifier;
import io.parley.realtime.sessions.SocketSessions;
import io.parley.shared.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies the token of the namespace CONNECT packet ({@code auth: {token}}, else the handshake's
 * {@code ?token=}). Only here does a socket become a session with rooms; a refusal becomes the client's
 * {@code connect_error}, whose data carries {@code {code, message}}.
 */
@Component
public class SocketAuthenticator implements AuthTokenListener {
    private static final Logger log = LoggerFactory.getLogger(SocketAuthenticator.class);

    private final SocketTokenVerifier verifier;
    private final SocketSessions sessions;

    SocketAuthenticator(SocketTokenVerifier verifier, SocketSessions sessions) {
        this.verifier = verifier;
        this.sessions = sessions;
    }

    @Override
    public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
        try {
            if (sessions.isOpen(client)) return AuthTokenResult.AuthTokenResultSuccess;
            String token = tokenOf(authData, client.getHandshakeData());
            if (token == null) {
                return refuse(client, ErrorCode.AUTH_FAILED, "a token is required: connect with auth: {token}");
            }
            SocketIdentity identity = verifier.verify(token);
            if (identity == null || identity.actor() == null || identity.actor().id() == null) {
                return refuse(client, ErrorCode.AUTH_FAILED, "invalid token");
            }
            sessions.open(client, identity);
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (SocketAuthException e) {
            return refuse(client, ErrorCode.AUTH_FAILED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("socket authentication failed unexpectedly", e);
            return refuse(client, ErrorCode.INTERNAL, "authentication is unavailable, try again later");
        }
    }

    private AuthTokenResult refuse(SocketIOClient client, ErrorCode code, String message) {
        sessions.refused(client);
        return new AuthTokenResult(false, errorData(code, message));
    }

    /**
     * socket.io-client 4 (JavaScript) turns {@code message} into the Error's message and {@code data} into
     * {@code err.data}; the Java client hands over the whole object. Both find {code, message}.
     */
    static Map<String, Object> errorData(ErrorCode code, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", message);
        data.put("code", code.name());
        data.put("data", Map.of("code", code.name(), "message", message));
        return data;
    }

    static String tokenOf(Object authData, HandshakeData handshake) {
        if (authData instanceof Map<?, ?> auth && auth.get("token") instanceof String token && !token.isBlank()) {
            return token.trim();
        }
        String fromQuery = handshake == null ? null : handshake.getSingleUrlParam("token");
        return fromQuery == null || fromQuery.isBlank() ? null : fromQuery.trim();
    }
}
