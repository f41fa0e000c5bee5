package io.parley.server.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.server.limits.RateLimitProperties;
import io.parley.server.limits.RateLimiter;
import io.parley.server.limits.SendRateLimitInterceptor;
import io.parley.shared.correlation.SilentHandlers;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static io.parley.shared.ActorMetaData.ACTOR_ID;
import static io.parley.shared.ActorMetaData.ACTOR_NAME;
import static io.parley.shared.ActorMetaData.ACTOR_ROLE;

/** Axon wiring shared by every entry point: the retrying gateway and the metadata every event carries. */
@Configuration
public class AxonConfig {

    /**
     * Commands on one chat from several nodes meet in the event store's unique (aggregate, seq) key; the loser
     * gets a concurrency failure and is retried with back-off (counted, {@link CountedRetries}). Rule violations
     * are final and never retried.
     * The send limit is an interceptor of this gateway only, not a bean: Axon would add an interceptor bean to the
     * command bus and the gateway again, and a send would take several tokens.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, RateLimiter limiter, RateLimitProperties limits,
                                         MeterRegistry registry) {
        ScheduledExecutorService retryExecutor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler retry = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(retryExecutor)
                .backoffFactor(10)
                .maxRetryCount(8)
                .nonTransientFailurePredicate(RetryPolicy::isFinal)
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CountedRetries(retry, registry))
                .dispatchInterceptors(new SendRateLimitInterceptor(limiter, limits), new ActorMetaDataInterceptor())
                .build();
    }

    /**
     * Events, snapshots, tokens and messages are JSON written by a mapper of their own, so that the stored format
     * (a product surface: analytics and auditors read it) never shifts when the REST API's JSON settings do.
     */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return serializer();
    }

    static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("stored-instants")
                        .addDeserializer(Instant.class, new StoredInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Copies who acted from each command onto the events it produced (not in handlers that send nothing). */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return SilentHandlers.skip(new SimpleCorrelationDataProvider(ACTOR_ID, ACTOR_ROLE, ACTOR_NAME));
    }

    /** Adds correlationId and traceId, linking every event to the command that caused it. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return SilentHandlers.skip(new MessageOriginProvider());
    }
}
