package io.parley.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A live account token, so that single-session mode can find and revoke a user's older tokens. */
@Entity
@Table(name = "issued_token")
class IssuedTokenEntity {
    @Id
    private String jti;
    @Column(nullable = false)
    private String subject;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IssuedTokenEntity() {
    }

    IssuedTokenEntity(String jti, String subject, Instant expiresAt) {
        this.jti = jti;
        this.subject = subject;
        this.expiresAt = expiresAt;
    }

    String jti() {
        return jti;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
