package io.parley.server.web;

import io.parley.server.web.FrameworkProblems.Problem;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every exception that leaves a controller becomes the contract's error envelope; bad input is never a 500.
 * Spring's own exceptions keep the status Spring gives them and are written by {@link #handleExceptionInternal};
 * only the application's exceptions have handlers here.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Where every framework exception Spring maps (400, 404, 405, 406, 413, 415 …) is written. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletResponse response = servlet.getResponse();
            if (response != null && response.isCommitted()) return null;
        }
        if (status.is5xxServerError()) return widen(internal(failure), headers);
        Problem problem = FrameworkProblems.of(failure, status);
        // The status of the contract code wins where Spring's differs (a body over the JSON limit is a 413).
        HttpStatusCode answered = problem.code() == ErrorResponses.codeFor(status.value()) ? status
                : HttpStatusCode.valueOf(problem.code().httpStatus());
        return widen(ErrorResponses.of(answered, problem.code(), problem.message(), problem.details()), headers);
    }

    @ExceptionHandler(ChatRejectedException.class)
    ResponseEntity<ApiResponse<Void>> rejected(ChatRejectedException e) {
        return ErrorResponses.of(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiResponse<Void>> aggregateNotFound(AggregateNotFoundException e) {
        return ErrorResponses.of(ErrorCode.NOT_FOUND, "Not found");
    }

    /** Bean validation of a service's arguments, outside Spring MVC's own argument validation. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> constraintViolated(ConstraintViolationException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, FrameworkProblems.INVALID, ValidationProblems.of(e));
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

    /**
     * Spring Security's firewall refusing a parameter name or value; usually it does so before Spring MVC, but the
     * parameters of a form-encoded body are only parsed, and refused, when a controller reads the request.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ApiResponse<Void>> firewall(RequestRejectedException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, "The request has a parameter or header that is not "
                + "allowed");
    }

    /** A multipart body that cannot be parsed (no boundary, cut short); one over the size limit is a 413 above. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiResponse<Void>> badMultipart(MultipartException e) {
        return ErrorResponses.of(ErrorCode.VALIDATION_FAILED, "Request body is not valid",
                List.of(new FieldProblem("body", "is not a well-formed multipart body")));
    }

    /** A unique or length constraint the endpoint did not check first; the request, not the server, is at fault. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiResponse<Void>> integrity(DataIntegrityViolationException e) {
        log.warn("constraint violation reached the client as CONFLICT: {}", e.getMostSpecificCause().getMessage());
        return ErrorResponses.of(ErrorCode.CONFLICT, "The request conflicts with stored data");
    }

    /** Wrapped rule violations (CommandExecutionException, CompletionException …) and bugs. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> anythingElse(Exception e, WebRequest request) {
        ChatRejectedException rejected = Causes.find(e, ChatRejectedException.class);
        if (rejected != null) return ErrorResponses.of(rejected);
        if (Causes.find(e, AggregateNotFoundException.class) != null) {
            return ErrorResponses.of(ErrorCode.NOT_FOUND, "Not found");
        }
        // A framework status exception the base class does not list still keeps its status.
        if (e instanceof ErrorResponse framework) {
            return handleExceptionInternal(e, null, framework.getHeaders(), framework.getStatusCode(), request);
        }
        return internal(e);
    }

    private static ResponseEntity<ApiResponse<Void>> internal(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected failure, incident {}", incident, e);
        return ErrorResponses.of(ErrorCode.INTERNAL, "Internal error; quote the incident id when reporting it",
                Map.of("incidentId", incident));
    }

    /** The envelope with the headers Spring set for the failure (Allow on a 405, Accept on a 415). */
    private static ResponseEntity<Object> widen(ResponseEntity<ApiResponse<Void>> answer, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        if (extra != null) headers.putAll(extra);
        headers.putAll(answer.getHeaders());
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }
}
