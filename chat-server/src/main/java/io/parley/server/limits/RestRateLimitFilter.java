package io.parley.server.limits;

import io.parley.server.web.ErrorWriter;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The REST limit: each {@code /api/**} request (and each seed dialect's, {@code /compat/**}) takes one token of its caller's bucket, the user's (staff have
 * the larger allowance, auditors included) or, without a valid token, the client address's. Every limited
 * answer says the allowance and what is left; a refused one is 429 RATE_LIMITED with {@code Retry-After}, before
 * any endpoint runs. Runs after the bearer token filter, which names the caller.
 */
public final class RestRateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ErrorWriter errors;
    private final ClientAddresses addresses;

    public RestRateLimitFilter(RateLimiter limiter, RateLimitProperties limits, ErrorWriter errors,
                               ClientAddresses addresses) {
        this.limiter = limiter;
        this.limits = limits;
        this.errors = errors;
        this.addresses = addresses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith(request.getContextPath() + "/api/")
                && !path.startsWith(request.getContextPath() + "/compat/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
        String key = actor == null ? "addr:" + addresses.of(request) : "user:" + actor.id();
        int perMinute = actor != null && (actor.isStaff() || actor.role() == Role.AUDITOR)
                ? limits.restStaffPerMinute() : limits.restPerMinute();
        RateLimiter.Verdict verdict = limiter.take(RateLimiter.Limit.REST, key, perMinute);
        if (perMinute > 0) {
            response.setHeader("X-RateLimit-Limit", Integer.toString(perMinute));
            response.setHeader("X-RateLimit-Remaining", Long.toString(verdict.remaining()));
        }
        if (!verdict.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            errors.write(response, ErrorCode.RATE_LIMITED, "too many requests: at most " + perMinute
                    + " a minute; retry in " + verdict.retryAfterSeconds() + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
