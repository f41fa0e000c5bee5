package io.parley.query.deadletters;

import io.parley.query.config.QuerySideConfig;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When a read model meets an event it cannot apply, the read models' processor puts that event, and the later
 * events of the same chat (to keep their order), in a dead-letter queue and goes on with every other chat, instead
 * of retrying the batch forever. The read models share the processor, so a parked event waits for all of them;
 * processed again, it is applied by those that have not yet (their version guards skip the rest). The queue is
 * Axon's JDBC one on the Flyway-owned {@code DeadLetterEntry} table (V1, bytea payloads).
 */
@Configuration
class DeadLetterConfig {

    @Bean
    ConfigurerModule projectionsDeadLetterWhatTheyCannotApply(ConnectionProvider connections) {
        String group = QuerySideConfig.READ_MODELS;
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, c -> queue(group, connections, c.getComponent(
                        TransactionManager.class), c.serializer(), c.eventSerializer()))
                .registerDeadLetterPolicy(group, c -> new StorableCause())
                // The cache spares a lookup per event while a segment has no dead letters. A rebuild replays every
                // event, parked ones included, so it clears the dead letters too.
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder
                        .enableSequenceIdentifierCache()
                        .allowReset(true));
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(
            String group, ConnectionProvider connections, TransactionManager transactions,
            Serializer serializer, Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }
}
