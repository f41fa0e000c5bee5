package io.parley.server.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Event store settings under {@code chat.*}: {@code CHAT_EVENT_POLL_INTERVAL} (default 50ms) is how often a node
 * reads the event table for events other nodes appended, and so bounds how late its processors see them;
 * {@code CHAT_PROJECTION_BATCH_WINDOW} (default 20ms, 0 for none) is how long the events of local commits gather
 * before the read models read and apply them as one batch.
 */
@ConfigurationProperties("chat")
public record EventStoreProperties(@DefaultValue("50ms") Duration eventPollInterval,
                                   @DefaultValue("20ms") Duration projectionBatchWindow) {

    public EventStoreProperties {
        if (eventPollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("CHAT_EVENT_POLL_INTERVAL must be at least 1ms");
        }
        if (projectionBatchWindow.isNegative() || projectionBatchWindow.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("CHAT_PROJECTION_BATCH_WINDOW must be between 0 and 1s");
        }
    }
}
