package io.parley.dialects.core;

import org.axonframework.common.AxonException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The REST error shape of seeds 001 and 003: {@code {success: false, message}} (plus Parley's {@code code}) with its
 * status, for the controllers marked {@link MessageErrorShape}.
 */
@RestControllerAdvice(annotations = MessageErrorShape.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MessageRestErrors {

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return MessageErrors.unreadable();
    }

    /** Refusals of the dialect and of Parley's rules; Spring's own refusals keep Parley's handler. */
    @ExceptionHandler({DialectException.class, AxonException.class, CompletionException.class})
    ResponseEntity<Map<String, Object>> failed(Throwable failure) {
        return MessageErrors.of(failure);
    }
}
