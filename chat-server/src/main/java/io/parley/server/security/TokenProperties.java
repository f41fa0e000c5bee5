package io.parley.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token settings under {@code chat.*}: {@code CHAT_JWT_SECRET}, {@code CHAT_JWT_TTL} (default 1 h),
 * {@code CHAT_GUEST_TOKEN_TTL} (default 30 days) and {@code CHAT_SINGLE_SESSION} (a login revokes older tokens).
 */
@ConfigurationProperties("chat")
public record TokenProperties(String jwtSecret,
                              @DefaultValue("PT1H") Duration jwtTtl,
                              @DefaultValue("P30D") Duration guestTokenTtl,
                              @DefaultValue("false") boolean singleSession,
                              @DefaultValue("./data") String dataDir) {
}
