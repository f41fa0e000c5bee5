package io.parley.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An API write whose {@code Accept} rules out JSON (or cannot be parsed) is answered 406 before it runs. Spring
 * would only notice when writing the answer, after the change was stored, and tell the client it failed.
 */
class JsonAcceptFilter extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final MediaType ANY_JSON = new MediaType("application", "*+json");
    private final ErrorWriter errors;

    JsonAcceptFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders("Accept"));
        if (accept.isEmpty() || acceptsJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        errors.write(response, 406, ErrorResponses.codeFor(406), "This API answers with application/json; "
                + "send an Accept header that allows it, or none");
    }

    private static boolean acceptsJson(List<String> accept) {
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getQualityValue() > 0
                        && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(ANY_JSON))) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException among them
            return false;
        }
    }
}
