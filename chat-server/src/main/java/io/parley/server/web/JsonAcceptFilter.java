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
 * An API write whose {@code Accept} rules out JSON is answered 406 before it runs: Spring would only notice when
 * writing the answer, after the change was stored, and tell the client it failed. An {@code Accept} that cannot be
 * parsed is a 406 on any request: some such values (an unbalanced quote) break Spring's own parser with a 500.
 */
class JsonAcceptFilter extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final MediaType ANY_JSON = new MediaType("application", "*+json");
    private final ErrorWriter errors;

    JsonAcceptFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders("Accept"));
        if (accept.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            errors.write(response, 406, ErrorResponses.codeFor(406), "The Accept header is not valid");
            return;
        }
        // The seed dialects (/compat/<name>/...) answer JSON too.
        boolean apiWrite = !READS.contains(request.getMethod()) && (request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/compat/"));
        if (apiWrite && !acceptsJson(types)) {
            errors.write(response, 406, ErrorResponses.codeFor(406), "This API answers with application/json; "
                    + "send an Accept header that allows it, or none");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsJson(List<MediaType> types) {
        for (MediaType type : types) {
            if (type.getQualityValue() > 0
                    && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(ANY_JSON))) {
                return true;
            }
        }
        return false;
    }
}
