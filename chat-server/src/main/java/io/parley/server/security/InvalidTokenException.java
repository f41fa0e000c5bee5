package io.parley.server.security;

/** A bearer token was malformed, badly signed, expired or revoked; the message says which, safe for clients. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
