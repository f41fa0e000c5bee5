package io.parley.server.web;

import io.parley.shared.ApiResponse;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every exception that leaves a controller becomes the contract's error envelope; bad input is never a 500. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String INVALID = "Request validation failed";

    @ExceptionHandler(ChatRejectedException.class)
    ResponseEntity<ApiResponse<Void>> rejected(ChatRejectedException e) {
        return ErrorResponses.of(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiResponse<Void>> aggregateNotFound(AggregateNotFoundException e) {
        return ErrorResponses.of(ErrorCode.NOT_FOUND, "Not found");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Void>> invalidBody(MethodArgumentNotValidException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, INVALID, ValidationProblems.of(e.getBindingResult()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidArguments(HandlerMethodValidationException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, INVALID, ValidationProblems.of(e));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> constraintViolated(ConstraintViolationException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, INVALID, ValidationProblems.of(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        if (Causes.find(e, JsonBodyTooLargeException.class) != null) {
            return ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large");
        }
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, "Request body is not valid", ValidationProblems.of(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, INVALID,
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> wrongType(MethodArgumentTypeMismatchException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, INVALID,
                List.of(new FieldProblem(e.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type not supported; send "
                + e.getSupportedMediaTypes().stream().map(Object::toString).toList());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiResponse<Void>> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, "Upload is too large");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse<Void>> noSuchEndpoint(Exception e) {
        return ErrorResponses.of(ErrorCode.NOT_FOUND, "No such endpoint");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ApiResponse<Void>> answer = ErrorResponses.of(HttpStatus.METHOD_NOT_ALLOWED,
                ErrorCode.VALIDATION_FAILED, "Method " + e.getMethod() + " is not allowed here", null);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        if (e.getSupportedHttpMethods() != null) headers.setAllow(e.getSupportedHttpMethods());
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    /** Method security (@PreAuthorize) refusals thrown from inside a controller. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiResponse<Void>> accessDenied(AccessDeniedException e) {
        return ErrorResponses.of(ErrorCode.FORBIDDEN, "Your role is not allowed to do this");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiResponse<Void>> unauthenticated(AuthenticationException e) {
        return ErrorResponses.of(ErrorCode.AUTH_REQUIRED, "Authentication required");
    }

    /** A unique or length constraint the endpoint did not check first; the request, not the server, is at fault. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiResponse<Void>> integrity(DataIntegrityViolationException e) {
        log.warn("constraint violation reached the client as CONFLICT: {}", e.getMostSpecificCause().getMessage());
        return ErrorResponses.of(ErrorCode.CONFLICT, "The request conflicts with stored data");
    }

    /** The client went away mid-response: there is nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
    }

    /** Wrapped rule violations (CommandExecutionException, CompletionException …), framework errors, and bugs. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> anythingElse(Exception e) {
        ChatRejectedException rejected = Causes.find(e, ChatRejectedException.class);
        if (rejected != null) return ErrorResponses.of(rejected);
        if (Causes.find(e, AggregateNotFoundException.class) != null) {
            return ErrorResponses.of(ErrorCode.NOT_FOUND, "Not found");
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = framework.getStatusCode();
            // Spring's own detail texts describe the request ("Acceptable representations: …"), never internals.
            String detail = framework.getBody().getDetail();
            return ErrorResponses.of(status, ErrorResponses.codeFor(status.value()),
                    detail == null ? "Request cannot be handled" : detail, null);
        }
        String incident = UUID.randomUUID().toString();
        log.error("unexpected failure, incident {}", incident, e);
        return ErrorResponses.of(ErrorCode.INTERNAL, "Internal error; quote the incident id when reporting it",
                Map.of("incidentId", incident));
    }
}
