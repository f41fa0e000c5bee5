package io.parley.server.web;

import io.parley.shared.ApiResponse;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's /error page: whatever the servlet container forwards here (failures in filters,
 * {@code sendError} calls) still answers with the contract envelope, never the default JSON or a stack trace.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t) {
            ChatRejectedException rejected = Causes.find(t, ChatRejectedException.class);
            if (rejected != null) return ErrorResponses.of(rejected);
        }
        // Visiting /error directly is just an unknown page.
        int code = status instanceof Integer i ? i : 404;
        ErrorCode errorCode = ErrorResponses.codeFor(code);
        if (errorCode == ErrorCode.INTERNAL) {
            log.error("request to {} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), code,
                    failure instanceof Throwable t ? t : null);
        }
        return ErrorResponses.of(HttpStatusCode.valueOf(code), errorCode, messageFor(errorCode), null);
    }

    private static String messageFor(ErrorCode code) {
        return switch (code) {
            case AUTH_REQUIRED -> "Authentication required";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case PAYLOAD_TOO_LARGE -> "Request is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Content type not supported";
            case INTERNAL -> "Internal error";
            default -> "Request cannot be handled";
        };
    }
}
