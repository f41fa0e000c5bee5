package io.parley.dialects.core;

import io.parley.shared.ApiError;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error shape that seeds 001, 003 and 004 share (REST bodies, acks and error events): {@code {success: false, message}} with the status of the
 * error's code, plus Parley's {@code code} and {@code error: {code, message}}, so that a client of either reads it.
 */
public final class MessageErrors {

    private MessageErrors() {
    }

    public static ResponseEntity<Map<String, Object>> of(Throwable failure) {
        ApiError error = Failures.of(failure);
        return ResponseEntity.status(Failures.status(error)).body(body(error.message(), error.code()));
    }

    /** A body or parameter that could not be read as JSON of the right types. */
    public static ResponseEntity<Map<String, Object>> unreadable() {
        return ResponseEntity.status(400).body(body("Invalid request: the body or a parameter is malformed",
                "VALIDATION_FAILED"));
    }

    public static Map<String, Object> body(String message, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", message);
        body.put("code", code);
        body.put("error", new ApiError(code, message, null));
        return body;
    }
}
