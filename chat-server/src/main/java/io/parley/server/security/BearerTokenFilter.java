package io.parley.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates {@code Authorization: Bearer <jwt>}. It never rejects a request itself: a bad token leaves the
 * request anonymous and notes why in {@link #FAILURE_ATTRIBUTE}, so public endpoints still work and protected
 * ones answer AUTH_FAILED through the entry point.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    /** Request attribute holding the client-safe reason a presented bearer token was refused. */
    public static final String FAILURE_ATTRIBUTE = BearerTokenFilter.class.getName() + ".failure";
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    // Async and error dispatches reload the context from here instead of running this filter again.
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                VerifiedToken token = tokens.verify(header.substring(BEARER.length()).trim());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ActorAuthentication(token));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            } catch (InvalidTokenException e) {
                SecurityContextHolder.clearContext();
                request.setAttribute(FAILURE_ATTRIBUTE, e.getMessage());
            }
        }
        chain.doFilter(request, response);
    }
}
