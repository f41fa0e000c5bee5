package io.parley.realtime.auth;

import io.parley.shared.Actor;

import java.time.Instant;

/** A verified socket token: who it speaks for, its id (jti, used to find its sockets on revocation) and expiry. */
public record SocketIdentity(Actor actor, String tokenId, Instant expiresAt) {
}
