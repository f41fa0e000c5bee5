package io.parley.server.web;

import io.parley.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A body must say what it is: {@code Content-Type: application/*} or {@code *}{@code /*} describes a range, not
 * a body, and Spring refuses to read one with an IllegalArgumentException (a 500). Answered 415
 * UNSUPPORTED_MEDIA_TYPE instead, before anything reads the body. Unparseable types reach Spring, which answers
 * them 415 itself.
 */
class WildcardContentTypeFilter extends OncePerRequestFilter {
    private final ErrorWriter errors;

    WildcardContentTypeFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            errors.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one type, e.g. application/json, not a range");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
