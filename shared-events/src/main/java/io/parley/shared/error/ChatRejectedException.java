package io.parley.shared.error;

import org.axonframework.common.AxonNonTransientException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command or query broke a rule. It is final: retrying the same message cannot succeed, so Axon's retry
 * scheduler leaves it alone, and the caller gets {@link #code()} as the error of the envelope.
 */
public class ChatRejectedException extends AxonNonTransientException {
    private final ErrorCode code;
    private final String reason;
    private final String field;
    private Long retryAfterSeconds;

    public ChatRejectedException(ErrorCode code, String reason, String message) {
        this(code, reason, null, message);
    }

    public ChatRejectedException(ErrorCode code, String reason, String field, String message) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** A finer, stable reason within the code, e.g. {@code CHAT_CLOSED} within {@code CONFLICT}. */
    public String reason() {
        return reason;
    }

    /** The request field at fault, for {@code VALIDATION_FAILED}; null when no single field is. */
    public String field() {
        return field;
    }

    /** When a refusal that passes with time (a limit) may be retried, in seconds; null for a final refusal. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * The envelope's {@code details}: for a field at fault the same list of {@code {field, message, reason}} that
     * malformed or invalid request bodies get, else {@code {reason}}, with {@code retryAfterSeconds} for a limit.
     */
    public Object details() {
        if (field != null) {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("field", field);
            problem.put("message", getMessage());
            if (reason != null) problem.put("reason", reason);
            return List.of(problem);
        }
        if (retryAfterSeconds != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (reason != null) details.put("reason", reason);
            details.put("retryAfterSeconds", retryAfterSeconds);
            return details;
        }
        return reason == null ? null : Map.of("reason", reason);
    }

    /** {@code RATE_LIMITED}: the same request succeeds after {@code retryAfterSeconds}. */
    public static ChatRejectedException rateLimited(String reason, String message, long retryAfterSeconds) {
        ChatRejectedException refused = new ChatRejectedException(ErrorCode.RATE_LIMITED, reason, message);
        refused.retryAfterSeconds = retryAfterSeconds;
        return refused;
    }

    public static ChatRejectedException notFound(String what) {
        return new ChatRejectedException(ErrorCode.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ChatRejectedException conflict(String reason, String message) {
        return new ChatRejectedException(ErrorCode.CONFLICT, reason, message);
    }

    /** {@code VALIDATION_FAILED} for one request field, e.g. {@code invalid("content", "CONTENT_TOO_LONG", …)}. */
    public static ChatRejectedException invalid(String field, String reason, String message) {
        return new ChatRejectedException(ErrorCode.VALIDATION_FAILED, reason, field, message);
    }

    public static ChatRejectedException forbidden(String reason, String message) {
        return new ChatRejectedException(ErrorCode.FORBIDDEN, reason, message);
    }
}
