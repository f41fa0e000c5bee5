package io.parley.shared.error;

/** The contract's error codes with the HTTP status each one answers with. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    AUTH_REQUIRED(401),
    AUTH_FAILED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    /** A socket event name the server does not know (sockets only). */
    UNKNOWN_EVENT(400),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
