package io.parley.server.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Event store settings under {@code chat.*}: {@code CHAT_EVENT_POLL_INTERVAL} (default 50ms) is how often a node
 * reads the event table for events other nodes appended, and so bounds how late its processors see them.
 */
@ConfigurationProperties("chat")
public record EventStoreProperties(@DefaultValue("50ms") Duration eventPollInterval) {

    public EventStoreProperties {
        if (eventPollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("CHAT_EVENT_POLL_INTERVAL must be at least 1ms");
        }
    }
}
