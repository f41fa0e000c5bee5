package io.parley.dialects.agri;

import io.parley.dialects.core.MessageErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/** Seed 001's REST error shape: {@code {success: false, message}} (plus Parley's {@code code}) with its status. */
@RestControllerAdvice(assignableTypes = AgriController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgriRestErrors {

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return MessageErrors.unreadable();
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<Map<String, Object>> failed(Throwable failure) {
        return MessageErrors.of(failure);
    }
}
