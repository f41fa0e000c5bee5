package io.parley.dialects.core;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dialects' pushes: a processor of their own that, like the realtime projector's, can never replay. */
@Configuration
public class DialectsConfig {

    /** The processing group of every dialect's pushes. */
    public static final String GROUP = "dialects";

    /**
     * Subscribing: it runs inside the transaction that stores the events and has no token, so it never replays
     * history to sockets; pushes wait for the commit ({@link AfterCommit}). A push that fails is logged; it must
     * never roll back the command it rides on.
     */
    @Bean
    public ConfigurerModule dialectPushesAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> new LoggingErrorHandler());
    }
}
