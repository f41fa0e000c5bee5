package io.parley.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Lets a Prometheus server scrape {@code GET /actuator/prometheus} with a long-lived secret of its own,
 * {@code CHAT_METRICS_TOKEN}, instead of an admin's token that expires within the hour. The secret opens that one
 * path and nothing else (role {@code METRICS_SCRAPER}); anywhere else it is just an invalid bearer token.
 * Without the setting this filter does nothing.
 */
final class MetricsScrapeFilter extends OncePerRequestFilter {
    static final String PATH = "/actuator/prometheus";
    static final String ROLE = "METRICS_SCRAPER";
    private static final String BEARER = "Bearer ";

    private final byte[] secret;

    MetricsScrapeFilter(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return secret == null || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(secret, header.substring(BEARER.length()).trim()
                .getBytes(StandardCharsets.UTF_8))) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            SecurityContextHolder.setContext(context);
            request.removeAttribute(BearerTokenFilter.FAILURE_ATTRIBUTE);
        }
        chain.doFilter(request, response);
    }
}
