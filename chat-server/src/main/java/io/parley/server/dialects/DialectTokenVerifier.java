package io.parley.server.dialects;

import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.DialectTokens;
import io.parley.server.security.InvalidTokenException;
import io.parley.server.security.TokenService;
import io.parley.shared.Actor;
import io.parley.shared.error.ErrorCode;
import org.springframework.stereotype.Component;

/** Dialect sockets are verified exactly like Parley's own: signature, expiry and revocation. */
@Component
class DialectTokenVerifier implements DialectTokens {
    private final TokenService tokens;

    DialectTokenVerifier(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Actor verify(String rawToken) {
        try {
            return tokens.verify(rawToken).actor();
        } catch (InvalidTokenException e) {
            throw new DialectException(ErrorCode.AUTH_FAILED, e.getMessage());
        }
    }
}
