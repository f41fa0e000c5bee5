package io.parley.server.dialects;

import io.parley.dialects.core.GuestTokens;
import io.parley.server.security.TokenService;
import org.springframework.stereotype.Component;

/** Guest tokens for seed 000's guest start, issued exactly as {@code POST /api/chats/guest} issues them. */
@Component
class DialectGuestTokens implements GuestTokens {
    private final TokenService tokens;

    DialectGuestTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String issue(String guestId, String name) {
        return tokens.issueGuestToken(guestId, name);
    }
}
