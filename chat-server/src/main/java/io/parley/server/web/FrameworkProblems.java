package io.parley.server.web;

import io.parley.shared.error.ErrorCode;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/**
 * What the client is told about an exception Spring MVC maps to a status itself: the contract code for that
 * status, a message and, for bad input, the fields at fault. Statuses come from Spring; codes from one table.
 */
final class FrameworkProblems {
    static final String INVALID = "Request validation failed";

    private FrameworkProblems() {
    }

    /** The envelope's content for {@code failure}, which Spring answers with {@code status}. */
    static Problem of(Exception failure, HttpStatusCode status) {
        if (failure instanceof HttpMessageNotReadableException unreadable) {
            if (Causes.find(unreadable, JsonBodyTooLargeException.class) != null) {
                return new Problem(ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large", null);
            }
            return new Problem(ErrorCode.VALIDATION_FAILED, "Request body is not valid",
                    ValidationProblems.of(unreadable));
        }
        ErrorCode code = ErrorResponses.codeFor(status.value());
        if (failure instanceof MethodArgumentNotValidException invalid) {
            return new Problem(code, INVALID, ValidationProblems.of(invalid.getBindingResult()));
        }
        if (failure instanceof HandlerMethodValidationException invalid) {
            return new Problem(code, INVALID, ValidationProblems.of(invalid));
        }
        if (failure instanceof MissingServletRequestParameterException missing) {
            return new Problem(code, INVALID, List.of(new FieldProblem(missing.getParameterName(), "is required")));
        }
        if (failure instanceof MissingServletRequestPartException missing) {
            return new Problem(code, INVALID, List.of(new FieldProblem(missing.getRequestPartName(), "is required")));
        }
        if (failure instanceof TypeMismatchException mismatch) {
            return new Problem(code, INVALID,
                    List.of(new FieldProblem(nameOf(mismatch), "has the wrong type or format")));
        }
        if (failure instanceof HttpMediaTypeNotSupportedException unsupported) {
            return new Problem(code, "Content type not supported; send "
                    + unsupported.getSupportedMediaTypes().stream().map(Object::toString).toList(), null);
        }
        if (failure instanceof HttpRequestMethodNotSupportedException method) {
            return new Problem(code, "Method " + method.getMethod() + " is not allowed here", null);
        }
        if (failure instanceof MaxUploadSizeExceededException) return new Problem(code, "Upload is too large", null);
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return new Problem(code, "No such endpoint", null);
        }
        return new Problem(code, detailOf(failure), null);
    }

    private static String nameOf(TypeMismatchException mismatch) {
        if (mismatch instanceof MethodArgumentTypeMismatchException argument) return argument.getName();
        return mismatch.getPropertyName() == null ? "request" : mismatch.getPropertyName();
    }

    /** Spring's own detail texts describe the request ("Acceptable representations: …"), never internals. */
    private static String detailOf(Exception failure) {
        if (failure instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()
                && response.getBody().getDetail() != null) {
            return response.getBody().getDetail();
        }
        return "Request cannot be handled";
    }

    /** The code, message and optional details of one error envelope. */
    record Problem(ErrorCode code, String message, Object details) {
    }
}
