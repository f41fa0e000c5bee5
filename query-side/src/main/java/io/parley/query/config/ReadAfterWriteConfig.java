package io.parley.query.config;

import io.parley.query.chat.CommittedVersions;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of {@link CommittedVersions}: what this node committed, learnt inside the committing transaction. */
@Configuration
public class ReadAfterWriteConfig {

    /**
     * Subscribing, so it has no token and never replays; a version is recorded while its events are stored, so it
     * is known before the write is answered (a version of a rolled-back write only makes a read wait once).
     */
    @Bean
    public ConfigurerModule committedVersionsAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(CommittedVersions.GROUP);
    }
}
