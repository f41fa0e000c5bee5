package io.parley.dialects.core;

import io.parley.shared.ApiError;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST error shape that seeds 001 and 003 share: {@code {success: false, message}} (plus Parley's {@code code})
 * with the status of the error's code.
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
        return body;
    }
}
