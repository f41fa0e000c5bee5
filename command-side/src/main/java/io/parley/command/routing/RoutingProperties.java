package io.parley.command.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Auto-assignment under {@code chat.*}: {@code CHAT_AUTO_ASSIGN} (default false) and
 * {@code CHAT_AUTO_ASSIGN_TICK} (default 500 ms), how often the routing node looks again without an event
 * (sockets connect and close without one).
 */
@ConfigurationProperties("chat")
public record RoutingProperties(@DefaultValue("false") boolean autoAssign,
                                @DefaultValue("500ms") Duration autoAssignTick) {
}
