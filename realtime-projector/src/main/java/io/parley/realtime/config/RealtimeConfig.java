package io.parley.realtime.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the realtime gateway: its settings, and the projector's processor. */
@Configuration
@EnableConfigurationProperties(RealtimeProperties.class)
public class RealtimeConfig {

    /** The processing group of the projector that pushes committed events to sockets. */
    public static final String REALTIME_GROUP = "realtime";

    /**
     * A subscribing processor runs inside the transaction that stores the events and has no token: it can never
     * replay history (a tracking processor would start from the first event), and it sees a rolled-back event
     * only inside a transaction whose after-commit never comes.
     */
    @Bean
    public ConfigurerModule realtimeProjectorIsSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(REALTIME_GROUP)
                // A push that cannot be prepared is logged; it must never roll back the command it rides on.
                .registerListenerInvocationErrorHandler(REALTIME_GROUP, c -> new LoggingErrorHandler());
    }
}
