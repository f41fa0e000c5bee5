package io.parley.dialects.gs365;

import io.parley.dialects.core.Failures;
import io.parley.shared.ApiError;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ErrorCode;
import io.parley.dialects.core.DialectException;
import org.axonframework.common.AxonException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.concurrent.CompletionException;

/** Seed 000's REST errors are Parley's own envelope: {@code {success: false, error: {code, message}}}. */
@RestControllerAdvice(assignableTypes = {Gs365Controller.class, Gs365GuestController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Gs365RestErrors {

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiResponse<Void>> unreadable(Exception e) {
        return ResponseEntity.status(400).body(ApiResponse.fail(ApiError.of(ErrorCode.VALIDATION_FAILED,
                "the body or a parameter is malformed")));
    }

    /** Refusals of the dialect and of Parley's rules; Spring's own refusals keep Parley's handler. */
    @ExceptionHandler({DialectException.class, AxonException.class, CompletionException.class})
    ResponseEntity<ApiResponse<Void>> failed(Throwable failure) {
        ApiError error = Failures.of(failure);
        return ResponseEntity.status(Failures.status(error)).body(ApiResponse.fail(error));
    }
}
