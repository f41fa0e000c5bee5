package io.parley.query.projection;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.core.io.FileSystemResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh embedded database with the read-model tables of the real migration, and a way to hand a projection
 * batches of events as its processor does: one unit of work, its writes made at the commit.
 */
public final class ReadModelDatabase {
    private static final String MIGRATIONS = "../chat-server/src/main/resources/db/migration/";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionBatches batches;

    public ReadModelDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            for (String script : List.of("V3__read_models.sql", "V5__history_read_pointers.sql",
                    "V9__tags_canned_ratings.sql", "V11__analytics.sql", "V13__auto_assign.sql",
                    "V14__inbox_search.sql")) {
                ScriptUtils.executeSqlScript(connection, new FileSystemResource(MIGRATIONS + script));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.batches = new ProjectionBatches(jdbc);
    }

    public ProjectionBatches batches() {
        return batches;
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** Applies the events to the projection in one batch, as one unit of work; its writes happen at the commit. */
    public void batch(Object projection, Event... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Event event : events) {
            messages.add(new GenericDomainEventMessage<>("Conversation", event.chatId(), event.sequenceNumber(),
                    event.payload()));
        }
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
        unit.executeWithResult(() -> handler.handle(unit.getMessage()));
        if (unit.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException(unit.getExecutionResult().getExceptionResult());
        }
    }

    /** One event of a chat at its aggregate sequence number. */
    public record Event(String chatId, long sequenceNumber, Object payload) {
    }
}
