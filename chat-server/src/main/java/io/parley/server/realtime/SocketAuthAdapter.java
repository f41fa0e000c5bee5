package io.parley.server.realtime;

import io.parley.realtime.auth.SocketAuthException;
import io.parley.realtime.auth.SocketIdentity;
import io.parley.realtime.auth.SocketTokenVerifier;
import io.parley.realtime.sessions.SocketSessions;
import io.parley.server.security.InvalidTokenException;
import io.parley.server.security.TokenService;
import io.parley.server.security.TokensRevoked;
import io.parley.server.security.VerifiedToken;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Connects the Socket.IO gateway to Parley's tokens: sockets are verified exactly like REST requests, and the
 * sockets of a revoked token (logout, {@code CHAT_SINGLE_SESSION}) get {@code forceLogout} and are disconnected.
 */
@Component
class SocketAuthAdapter implements SocketTokenVerifier {
    private final TokenService tokens;
    private final SocketSessions sessions;

    SocketAuthAdapter(TokenService tokens, SocketSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public SocketIdentity verify(String rawToken) {
        try {
            VerifiedToken verified = tokens.verify(rawToken);
            return new SocketIdentity(verified.actor(), verified.jti(), verified.expiresAt());
        } catch (InvalidTokenException e) {
            throw new SocketAuthException(e.getMessage());
        }
    }

    /** Published after the revocation is committed. */
    @EventListener
    void on(TokensRevoked revoked) {
        sessions.forceLogout(revoked.jtis(), revoked.reason());
    }
}
