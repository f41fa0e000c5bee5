package io.parley.server.realtime;

import io.parley.shared.event.MessageSentEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only handler that fails, inside the storing transaction, for a message whose content is
 * {@link #ROLL_ME_BACK}: the whole command rolls back after its events were applied and published.
 */
@TestConfiguration(proxyBeanMethods = false)
class RollbackProbe {
    static final String ROLL_ME_BACK = "roll me back";
    static final String GROUP = "test-rollback-probe";

    @Bean
    Saboteur rollbackSaboteur() {
        return new Saboteur();
    }

    @Bean
    ConfigurerModule rollbackProbeIsSubscribingAndPropagates() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
    }

    @ProcessingGroup(GROUP)
    static class Saboteur {
        @EventHandler
        void on(MessageSentEvent event) {
            if (ROLL_ME_BACK.equals(event.content())) {
                // Final (not retried by the gateway): the command fails once and stores nothing.
                throw new IllegalArgumentException("rolled back on purpose");
            }
        }
    }
}
