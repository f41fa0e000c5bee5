package io.parley.dialects.core;

import io.parley.shared.error.ErrorCode;

/** A dialect refused a call before it reached a command or query: bad payload, claimed id, wrong role. */
public class DialectException extends RuntimeException {
    private final ErrorCode code;

    public DialectException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static DialectException invalid(String message) {
        return new DialectException(ErrorCode.VALIDATION_FAILED, message);
    }

    public static DialectException forbidden(String message) {
        return new DialectException(ErrorCode.FORBIDDEN, message);
    }
}
