package io.parley.shared.error;

import org.axonframework.common.AxonNonTransientException;

/**
 * A command or query broke a rule. It is final: retrying the same message cannot succeed, so Axon's retry
 * scheduler leaves it alone, and the caller gets {@link #code()} as the error of the envelope.
 */
public class ChatRejectedException extends AxonNonTransientException {
    private final ErrorCode code;
    private final String reason;

    public ChatRejectedException(ErrorCode code, String reason, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public ErrorCode code() {
        return code;
    }

    /** A finer, stable reason within the code, e.g. {@code CHAT_CLOSED} within {@code CONFLICT}. */
    public String reason() {
        return reason;
    }

    public static ChatRejectedException notFound(String what) {
        return new ChatRejectedException(ErrorCode.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ChatRejectedException conflict(String reason, String message) {
        return new ChatRejectedException(ErrorCode.CONFLICT, reason, message);
    }

    public static ChatRejectedException invalid(String reason, String message) {
        return new ChatRejectedException(ErrorCode.VALIDATION_FAILED, reason, message);
    }

    public static ChatRejectedException forbidden(String reason, String message) {
        return new ChatRejectedException(ErrorCode.FORBIDDEN, reason, message);
    }
}
