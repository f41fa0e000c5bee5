package io.parley.server.security;

import java.time.Instant;

/** A freshly signed token with its id and expiry. */
public record IssuedToken(String token, String jti, Instant expiresAt) {
}
