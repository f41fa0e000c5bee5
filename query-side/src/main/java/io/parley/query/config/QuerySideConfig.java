package io.parley.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Wiring of the query side: its settings, and how its projections treat a failing event handler. */
@Configuration
@EnableConfigurationProperties(QuerySideProperties.class)
public class QuerySideConfig {

    /** The replayable read models; each is a tracking processor of its own. */
    public static final List<String> PROJECTIONS = List.of("inbox", "history", "unread");

    /**
     * A projection that skipped a failed event would serve a wrong chat forever and never reach the version
     * read-your-writes waits for; failing the batch makes the processor retry it with back-off instead.
     */
    @Bean
    public ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> PROJECTIONS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
