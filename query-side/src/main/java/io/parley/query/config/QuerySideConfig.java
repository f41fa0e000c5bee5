package io.parley.query.config;

import io.parley.query.chat.ProjectionSignals;
import io.parley.shared.correlation.SilentHandlers;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Wiring of the query side: its settings, its processors, and how they treat a failing event handler. */
@Configuration
@EnableConfigurationProperties({QuerySideProperties.class, ProcessorProperties.class})
public class QuerySideConfig {

    /** The replayable read models, by the names the admin API and the metrics use. */
    public static final List<String> PROJECTIONS = List.of("inbox", "history", "unread", "notes", "analytics");
    /**
     * The one processor (and processing group) that applies every event to all read models. Each event is read,
     * deserialised and handled once per batch, in one transaction with one token: three processors did all of it
     * three times, and used more CPU than the command path itself.
     */
    public static final String READ_MODELS = "read-models";
    /** Threads applying segments' batches; more than the cores would only contend for them. */
    public static final int WORKERS = 2;
    /**
     * The most events one segment applies in one transaction. Live traffic fills batches with the events of a
     * gathering window (CHAT_PROJECTION_BATCH_WINDOW); a replay fills them to the brim.
     */
    private static final int BATCH_SIZE = 500;

    /**
     * The read models' processor is Axon's pooled streaming processor: one coordinator reads the event stream
     * once and hands each segment's events (a chat's events stay in one segment, in order) to a pool of workers,
     * which apply them in batches. A node claims every free segment, so a lone survivor processes them all.
     */
    @Bean
    public ConfigurerModule readModelsAreOnePooledStreamingProcessor(ProcessorProperties properties) {
        int segments = properties.segments();
        long claimInterval = properties.processorClaimInterval().toMillis();
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(READ_MODELS, c -> c.eventStore(),
                        (c, builder) -> builder
                                .initialSegmentCount(segments)
                                .batchSize(BATCH_SIZE)
                                .tokenClaimInterval(claimInterval)
                                // Axon extends an idle segment's claim only every 5 s by default: with a claim
                                // timeout near that, another node could take the segments of a live one. Live
                                // nodes renew every claim interval, as the balancer's membership assumes.
                                .claimExtensionThreshold(claimInterval)
                                .enableCoordinatorClaimExtension()
                                .coordinatorExecutor(name -> Executors.newScheduledThreadPool(1,
                                        daemons("read-models-coordinator")))
                                .workerExecutor(name -> Executors.newScheduledThreadPool(WORKERS,
                                        daemons("read-models-worker"))));
    }

    /** The processor's threads never keep a JVM alive: Axon stops the processor at shutdown. */
    private static ThreadFactory daemons(String name) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A projection that skipped a failed event would serve a wrong chat forever and never reach the version
     * read-your-writes waits for. An event a handler fails on goes to the dead-letter queue with its chat's later
     * events (see the deadletters package); what fails outside the handlers (the token, the dead letter itself)
     * fails the batch, and the processor retries it with back-off.
     */
    @Bean
    public ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(READ_MODELS, c -> PropagatingErrorHandler.instance());
    }

    /** The read models send no messages: Axon need not work out what their messages would inherit. */
    @Bean
    public ConfigurerModule readModelsSendNothing() {
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(READ_MODELS, c -> SilentHandlers.interceptor());
    }

    /** After a projection commits events of a chat, wakes whoever waits to read that chat's writes. */
    @Bean
    public ConfigurerModule projectionsSignalTheirCommits(ProjectionSignals signals) {
        MessageHandlerInterceptor<EventMessage<?>> signal = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                String chatId = event.getAggregateIdentifier();
                unitOfWork.afterCommit(u -> signals.committed(chatId));
            }
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(READ_MODELS, c -> signal);
    }

    /**
     * Spreads segments over the nodes sharing the database. Membership is a second view of Axon's token table
     * whose claims lapse at half the processors' timeout.
     */
    @Bean
    SegmentBalancer segmentBalancer(ConnectionProvider connections, ObjectProvider<TokenSchema> schema,
                                    Serializer serializer, TransactionManager transactions,
                                    EventProcessingConfiguration processing, TokenStore tokens,
                                    ProcessorProperties properties, ProjectionSignals signals) {
        TokenStore slots = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema.getIfAvailable(() -> TokenSchema.builder().build()))
                .serializer(serializer)
                .claimTimeout(properties.membershipTimeout())
                .build();
        return new SegmentBalancer(new NodeMembership(slots, transactions), processing, tokens, transactions,
                properties, signals);
    }
}
