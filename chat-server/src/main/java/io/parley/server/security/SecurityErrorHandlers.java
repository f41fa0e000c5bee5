package io.parley.server.security;

import io.parley.server.web.ErrorWriter;
import io.parley.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/** Answers security refusals with the contract envelope: 401 AUTH_REQUIRED / AUTH_FAILED, 403 FORBIDDEN. */
class SecurityErrorHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(SecurityErrorHandlers.class);

    private final ErrorWriter errors;

    SecurityErrorHandlers(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Object failure = request.getAttribute(BearerTokenFilter.FAILURE_ATTRIBUTE);
        if (failure != null) {
            errors.write(response, ErrorCode.AUTH_FAILED, "Authentication failed: " + failure);
        } else {
            errors.write(response, ErrorCode.AUTH_REQUIRED, "Authentication required: send Authorization: Bearer <token>");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        errors.write(response, ErrorCode.FORBIDDEN, "Your role is not allowed to do this");
    }

    /** The firewall's verdict on a malformed URL (encoded slashes, "..", bad characters): bad input, not a 500. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("request rejected by the firewall: {}", e.getMessage());
        errors.write(response, ErrorCode.VALIDATION_FAILED, "Malformed request URL");
    }
}
