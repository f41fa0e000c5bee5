package io.parley.server.dialects;

import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.DialectTokens;
import io.parley.dialects.core.VerifiedToken;
import io.parley.server.security.InvalidTokenException;
import io.parley.server.security.TokenService;
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
    public VerifiedToken verify(String rawToken) {
        try {
            io.parley.server.security.VerifiedToken verified = tokens.verify(rawToken);
            return new VerifiedToken(verified.actor(), verified.jti(), verified.expiresAt());
        } catch (InvalidTokenException e) {
            throw new DialectException(ErrorCode.AUTH_FAILED, e.getMessage());
        }
    }
}
