package io.parley.server.security;

import io.parley.shared.Actor;
import io.parley.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, verifies and revokes Parley's bearer tokens; the one entry point for REST, the socket gateway and
 * guest start. Revocations are announced as {@link TokensRevoked} once committed.
 */
@Service
public class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final JwtCodec codec;
    private final TokenProperties properties;
    private final TokenRegistry registry;
    private final ApplicationEventPublisher events;
    // Revoked jtis this node has seen: a revocation is forever (until expiry), so this never turns stale.
    private final Map<String, Instant> knownRevoked = new ConcurrentHashMap<>();

    TokenService(JwtSigningKey signingKey, TokenProperties properties, TokenRegistry registry,
                 ApplicationEventPublisher events) {
        this.codec = new JwtCodec(signingKey.key());
        this.properties = properties;
        this.registry = registry;
        this.events = events;
    }

    /**
     * Signs a token for a registered account (1 h by default) or a guest (30 days). With
     * {@code chat.single-session} an account's older tokens are revoked first.
     */
    public IssuedToken issue(Actor actor) {
        if (actor.role() == Role.GUEST) {
            return codec.sign(actor, properties.guestTokenTtl());
        }
        IssuedToken issued = codec.sign(actor, properties.jwtTtl());
        if (!properties.singleSession()) {
            registry.recordIssued(issued.jti(), actor.id(), issued.expiresAt());
            return issued;
        }
        Map<String, Instant> replaced = registry.replaceSessions(actor.id(), issued.jti(), issued.expiresAt());
        if (!replaced.isEmpty()) {
            knownRevoked.putAll(replaced);
            announce(new TokensRevoked(actor.id(), List.copyOf(replaced.keySet()), TokensRevoked.SESSION_REPLACED));
        }
        return issued;
    }

    /** The bearer token for an anonymous visitor of guest start: role guest, subject {@code guestId}. */
    public String issueGuestToken(String guestId, String name) {
        return issue(new Actor(guestId, Role.GUEST, name)).token();
    }

    /** Checks signature, expiry and revocation; throws {@link InvalidTokenException} with a client-safe reason. */
    public VerifiedToken verify(String token) {
        VerifiedToken verified = codec.parse(token);
        if (isRevoked(verified.jti())) {
            throw new InvalidTokenException("token revoked");
        }
        return verified;
    }

    /** {@link #verify(String)} for callers that need only who the token speaks for (e.g. a socket handshake). */
    public Actor verifyActor(String token) {
        return verify(token).actor();
    }

    /** Revokes one token for the rest of its life, e.g. on logout, and announces it. */
    public void revoke(VerifiedToken token, String reason) {
        registry.revoke(token.jti(), token.expiresAt());
        knownRevoked.put(token.jti(), token.expiresAt());
        announce(new TokensRevoked(token.actor().id(), List.of(token.jti()), reason));
    }

    /**
     * Revokes every live token of an account at once but {@code keptJti} (null: all), e.g. on deactivation or a
     * password change; the revocation table is shared, so every node refuses them from now on.
     */
    public void revokeAll(String subject, String keptJti, String reason) {
        Map<String, Instant> gone = registry.revokeAllOf(subject, keptJti);
        if (gone.isEmpty()) return;
        knownRevoked.putAll(gone);
        announce(new TokensRevoked(subject, List.copyOf(gone.keySet()), reason));
    }

    /** The revocation is committed whatever a listener does, so a failing listener must not fail the request. */
    private void announce(TokensRevoked revoked) {
        try {
            events.publishEvent(revoked);
        } catch (RuntimeException e) {
            log.error("a TokensRevoked listener failed for subject {}", revoked.subject(), e);
        }
    }

    private boolean isRevoked(String jti) {
        if (knownRevoked.containsKey(jti)) return true;
        // Another node may have revoked it: the shared table is the truth.
        return registry.findRevoked(jti).map(expiresAt -> {
            knownRevoked.put(jti, expiresAt);
            return true;
        }).orElse(false);
    }

    /** Expired tokens fail on expiry alone, so their revocation and session rows can go. */
    @Scheduled(fixedDelayString = "${chat.token-purge-interval:PT15M}", initialDelayString = "PT1M")
    void purgeExpired() {
        Instant now = Instant.now();
        knownRevoked.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        registry.purgeExpired(now);
    }
}
