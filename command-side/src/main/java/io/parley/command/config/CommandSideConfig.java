package io.parley.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the command side: snapshots of conversations and the in-transaction policy processor. */
@Configuration
@EnableConfigurationProperties(CommandSideProperties.class)
public class CommandSideConfig {

    /** A chat of 10,000 messages loads from its latest snapshot plus fewer than the threshold of events. */
    @Bean
    public SnapshotTriggerDefinition conversationSnapshotTrigger(Snapshotter snapshotter,
                                                                 CommandSideProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * One node keeps its chats in memory between commands: a send then loads nothing from the event store. On
     * several nodes ({@code CHAT_REDIS_URL} set) there is no cache: another node's append would leave a cached chat
     * stale, and a command that appends nothing (assigning the current holder again) would decide on it unseen.
     */
    @Bean
    public Cache conversationCache(@Value("${chat.redis-url:}") String redisUrl) {
        boolean clustered = redisUrl != null && !redisUrl.isBlank();
        LoggerFactory.getLogger(CommandSideConfig.class).info("conversation aggregate cache: {}",
                clustered ? "off (several nodes)" : "on (one node)");
        return clustered ? NoCache.INSTANCE : new WeakReferenceCache();
    }

    /** Lookups that decide commands (active chat per customer, auto-close deadlines) commit with the events. */
    @Bean
    public ConfigurerModule commandPoliciesAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor("chat-policies");
    }
}
