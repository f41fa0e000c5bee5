package io.parley.dialects.mydeeptech;

import io.parley.dialects.core.Failures;
import io.parley.shared.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seed 003's REST error shape: {@code {success: false, message}} (plus Parley's {@code code}) with its status. */
@RestControllerAdvice(assignableTypes = MyDeepTechController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MyDeepTechRestErrors {

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return ResponseEntity.status(400).body(body("Invalid request: the body or a parameter is malformed",
                "VALIDATION_FAILED"));
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<Map<String, Object>> failed(Throwable failure) {
        ApiError error = Failures.of(failure);
        return ResponseEntity.status(Failures.status(error)).body(body(error.message(), error.code()));
    }

    static Map<String, Object> body(String message, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", message);
        body.put("code", code);
        return body;
    }
}
