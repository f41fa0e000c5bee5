package io.parley.server.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contract's limits, per minute (0 turns one off): REST requests per user ({@code restPerMinute}; anonymous
 * requests count per client address), per staff member ({@code restStaffPerMinute}), and messages per sender per
 * chat ({@code sendPerMinute}, socket and REST sends alike).
 */
@ConfigurationProperties("chat.rate-limit")
public record RateLimitProperties(@DefaultValue("100") int restPerMinute,
                                  @DefaultValue("200") int restStaffPerMinute,
                                  @DefaultValue("30") int sendPerMinute) {
}
