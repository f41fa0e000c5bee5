package io.parley.dialects.core;

import io.parley.shared.Actor;

import java.time.Instant;

/**
 * A verified Parley token: who it speaks for, its id (jti), by which a revocation finds its sockets, and when it
 * expires (null: never), when its sockets are closed.
 */
public record VerifiedToken(Actor actor, String tokenId, Instant expiresAt) {
}
