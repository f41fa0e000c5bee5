package io.parley.realtime.auth;

/** A socket's token is malformed, badly signed, expired or revoked; the message is safe to show the client. */
public class SocketAuthException extends RuntimeException {

    public SocketAuthException(String message) {
        super(message);
    }
}
