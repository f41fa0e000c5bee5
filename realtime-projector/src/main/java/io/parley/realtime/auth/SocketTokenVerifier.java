package io.parley.realtime.auth;

/**
 * Checks the bearer token a socket presents when it connects. The application provides it (signature, expiry and
 * revocation live with the accounts); the gateway never looks inside a token itself.
 */
public interface SocketTokenVerifier {

    /** Who the token speaks for; throws {@link SocketAuthException} with a client-safe reason when it is not valid. */
    SocketIdentity verify(String rawToken);
}
