package io.parley.server.security;

import io.parley.shared.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * A request authenticated by a bearer token: the principal is the {@link Actor} (so controllers take
 * {@code @AuthenticationPrincipal Actor actor}) with authority {@code ROLE_<ROLE>}.
 */
public class ActorAuthentication extends AbstractAuthenticationToken {
    private final VerifiedToken token;

    public ActorAuthentication(VerifiedToken token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + token.actor().role().name())));
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Actor getPrincipal() {
        return token.actor();
    }

    /** Never the raw token: nothing downstream needs it, and it must not end up in logs. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return token.actor().id();
    }

    /** The verified token behind this request, e.g. its jti for logout. */
    public VerifiedToken token() {
        return token;
    }
}
