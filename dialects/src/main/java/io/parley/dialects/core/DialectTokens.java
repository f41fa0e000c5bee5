package io.parley.dialects.core;

/**
 * Verifies a Parley token a dialect socket presents, exactly as Parley's own sockets and REST do (signature, expiry,
 * revocation). The application provides it; a dialect never looks inside a token.
 */
public interface DialectTokens {

    /** Who the token speaks for; throws {@link DialectException} ({@code AUTH_FAILED}) when it is not valid. */
    VerifiedToken verify(String rawToken);
}
