package io.parley.server.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The issued and revoked token tables, shared by all nodes (not Axon's tokenStore: event processor positions). */
@Component
class TokenRegistry {
    private final IssuedTokenRepository issued;
    private final RevokedTokenRepository revoked;

    TokenRegistry(IssuedTokenRepository issued, RevokedTokenRepository revoked) {
        this.issued = issued;
        this.revoked = revoked;
    }

    @Transactional
    public void recordIssued(String jti, String subject, Instant expiresAt) {
        issued.save(new IssuedTokenEntity(jti, subject, expiresAt));
    }

    /** Revokes every live token of {@code subject} and records the new one; returns the revoked jtis. */
    @Transactional
    public Map<String, Instant> replaceSessions(String subject, String newJti, Instant newExpiresAt) {
        Map<String, Instant> replaced = revokeAllOf(subject, null);
        issued.save(new IssuedTokenEntity(newJti, subject, newExpiresAt));
        return replaced;
    }

    /** Revokes every live token of {@code subject} but {@code keptJti} (may be null); returns the revoked jtis. */
    @Transactional
    public Map<String, Instant> revokeAllOf(String subject, String keptJti) {
        Instant now = Instant.now();
        Map<String, Instant> gone = new LinkedHashMap<>();
        for (IssuedTokenEntity old : issued.findBySubject(subject)) {
            if (old.jti().equals(keptJti)) continue;
            if (old.expiresAt().isAfter(now)) {
                revoked.save(new RevokedTokenEntity(old.jti(), old.expiresAt()));
                gone.put(old.jti(), old.expiresAt());
            }
            issued.delete(old);
        }
        return gone;
    }

    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        revoked.save(new RevokedTokenEntity(jti, expiresAt));
        issued.deleteById(jti);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> findRevoked(String jti) {
        return revoked.findById(jti).map(RevokedTokenEntity::expiresAt);
    }

    @Transactional
    public void purgeExpired(Instant now) {
        revoked.deleteExpired(now);
        issued.deleteExpired(now);
    }
}
