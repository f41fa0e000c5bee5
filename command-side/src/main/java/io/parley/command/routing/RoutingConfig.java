package io.parley.command.routing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The router's processor, {@value #PROCESSOR}: Axon's pooled streaming processor with exactly one segment, so
 * one node at a time holds it (the token claim is the lock) and sees every routing event in order.
 */
@Configuration
@EnableConfigurationProperties(RoutingProperties.class)
@ConditionalOnProperty(name = "chat.auto-assign", havingValue = "true")
public class RoutingConfig {
    public static final String PROCESSOR = "chat-router";
    /** The only segment: whoever claims it routes. */
    static final int SEGMENT = 0;

    @Bean
    public ConfigurerModule routerIsOneSegment(
            @org.springframework.beans.factory.annotation.Value("${chat.processor-claim-interval:1s}")
            Duration claimInterval) {
        long interval = claimInterval.toMillis();
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(PROCESSOR, c -> c.eventStore(),
                        (c, builder) -> builder
                                .initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .batchSize(100)
                                .tokenClaimInterval(interval)
                                .claimExtensionThreshold(interval)
                                .enableCoordinatorClaimExtension()
                                .coordinatorExecutor(name -> Executors.newScheduledThreadPool(1,
                                        daemons("chat-router-coordinator")))
                                .workerExecutor(name -> Executors.newScheduledThreadPool(1,
                                        daemons("chat-router-worker"))));
    }

    /**
     * A handler that fails fails the batch, which the processor retries: skipping an event would leave the
     * router deciding on a wrong count for good.
     */
    @Bean
    public ConfigurerModule routerRetriesFailedBatches() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSOR, c -> PropagatingErrorHandler.instance());
    }

    static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
