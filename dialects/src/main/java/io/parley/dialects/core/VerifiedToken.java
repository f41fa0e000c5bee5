package io.parley.dialects.core;

import io.parley.shared.Actor;

/** A verified Parley token: who it speaks for, and its id (jti), by which a revocation finds its sockets. */
public record VerifiedToken(Actor actor, String tokenId) {
}
