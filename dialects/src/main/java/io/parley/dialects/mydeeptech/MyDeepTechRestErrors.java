package io.parley.dialects.mydeeptech;

import io.parley.dialects.core.MessageErrors;
import io.parley.dialects.core.DialectException;
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

/** Seed 003's REST error shape: {@code {success: false, message}} (plus Parley's {@code code}) with its status. */
@RestControllerAdvice(assignableTypes = MyDeepTechController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MyDeepTechRestErrors {

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
