package io.parley.server.security;

import javax.crypto.SecretKey;

/** The HS256 key every token is signed with, resolved once at start-up. */
record JwtSigningKey(SecretKey key) {
}
