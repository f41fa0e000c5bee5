package io.parley.server.security;

import io.parley.shared.Actor;

import java.time.Instant;

/** A bearer token that passed signature, expiry and revocation checks: who it speaks for, its id and expiry. */
public record VerifiedToken(Actor actor, String jti, Instant expiresAt) {
}
