package io.parley.server.axon;

import io.parley.server.audit.ChainingEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The event store on the shared database (not with Axon Server). Axon's default looks for events appended by
 * other nodes once a second; {@code CHAT_EVENT_POLL_INTERVAL} makes that short, because a write answered by one
 * node waits until the node holding the chat's segment has seen it. Events appended locally wake the
 * processors within {@code CHAT_PROJECTION_BATCH_WINDOW}, whatever the interval (see {@link GatheringEventStore}).
 */
@Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@EnableConfigurationProperties(EventStoreProperties.class)
class EventStoreConfig {

    /** Chats whose last chain link each node keeps, so that appending to them reads no previous hash. */
    private static final int CHAINED_CHATS_CACHED = 10_000;
    /**
     * Events read per query, by processors and aggregates alike. Axon's default of 100 made a replay of 200,000
     * events 2,000 round trips; this matches the read models' batch.
     */
    private static final int READ_BATCH = 500;

    /**
     * Axon's JDBC engine as its auto-configuration builds it (which steps back, with its schema and exception
     * resolver, as soon as an EventStore bean exists), except that it recognises PostgreSQL's unique violations
     * and links every chat event into its chat's audit hash chain as it stores it (docs/audit.md).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connections, TransactionManager transactions) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                // Tells a lost race on the (aggregate, seq) key apart from other failures: the gateway retries it.
                .persistenceExceptionResolver(new UniqueKeyViolations())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .batchSize(READ_BATCH);
        return new ChainingEventStorageEngine(builder, connections, transactions, CHAINED_CHATS_CACHED);
    }

    @Bean
    EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                          EventStoreProperties properties) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.eventPollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS);
        return new GatheringEventStore(builder, properties.projectionBatchWindow());
    }
}
