package io.parley.server.audit;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import io.parley.server.axon.TimestampReadingEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC engine, which also links the chat events it appends into their chats' audit hash chains, in the
 * transaction that stores them (the unit of work's, when there is one): a command that rolls back leaves neither
 * events nor links, and each node links what it stores.
 */
public final class ChainingEventStorageEngine extends TimestampReadingEngine {
    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final ChainWriter chain;

    /** {@code builder} must use the same {@code connections} and {@code transactions}. */
    public ChainingEventStorageEngine(Builder builder, ConnectionProvider connections,
                                      TransactionManager transactions, int cachedChats) {
        super(builder);
        this.connections = connections;
        this.transactions = transactions;
        this.chain = new ChainWriter(new ChainHeads(cachedChats));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) return;
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            try (Connection connection = connections.getConnection()) {
                chain.link(connection, events, serializer);
            } catch (SQLException e) {
                throw new EventStoreException("could not link the appended events into their audit chains", e);
            }
        });
    }
}
