package io.parley.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
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

    /** Lookups that decide commands (active chat per customer, auto-close deadlines) commit with the events. */
    @Bean
    public ConfigurerModule commandPoliciesAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor("chat-policies");
    }
}
