package io.parley.server.dialects;

import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.RestCaller;
import io.parley.server.security.BearerTokenFilter;
import io.parley.shared.Actor;
import io.parley.shared.error.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of a dialect REST request, as {@link BearerTokenFilter} verified it. The dialect paths are open to the
 * security chain so that a refusal is answered in the seed's error shape, not Parley's.
 */
@Component
class DialectRestCaller implements RestCaller {

    @Override
    public Actor optional() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean presented = request != null
                && request.getAttribute(BearerTokenFilter.FAILURE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return presented || authentication != null && authentication.getPrincipal() instanceof Actor ? require() : null;
    }

    @Override
    public Actor require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) return actor;
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object failure = request == null ? null
                : request.getAttribute(BearerTokenFilter.FAILURE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (failure != null) throw new DialectException(ErrorCode.AUTH_FAILED, "Authentication failed: " + failure);
        throw new DialectException(ErrorCode.AUTH_REQUIRED, "Authentication required: send Authorization: Bearer <token>");
    }
}
