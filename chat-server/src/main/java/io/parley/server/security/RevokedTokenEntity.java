package io.parley.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A revoked token id, kept until the token would have expired anyway. */
@Entity
@Table(name = "revoked_token")
class RevokedTokenEntity {
    @Id
    private String jti;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RevokedTokenEntity() {
    }

    RevokedTokenEntity(String jti, Instant expiresAt) {
        this.jti = jti;
        this.expiresAt = expiresAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
