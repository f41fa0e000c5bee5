package io.parley.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The batch of events a read model's processor is applying, as its handlers see it. A handler decides in memory
 * and records its rows in the batch's {@link PendingWrites}; when the batch's unit of work prepares its commit,
 * each read model writes them with one JDBC batch per statement, in the same transaction as the processor's
 * token. A replay and live traffic run this same code; only the size of the batches differs.
 */
@Component
public class ProjectionBatches {
    private static final String PENDING = ProjectionBatches.class.getName() + ".pending:";

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectionBatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A read model's pending writes in the current batch, created (and scheduled for the commit) on first use. */
    @SuppressWarnings("unchecked")
    public <W extends PendingWrites> W pending(String readModel, Supplier<W> create) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        String key = PENDING + readModel;
        return (W) (batch.getOrComputeResource(key, k -> {
            batch.onPrepareCommit(unit -> flush(unit, key));
            return create.get();
        }));
    }

    /**
     * Writes what the current batch has pending right now, and forgets it: the next event reads the rows afresh.
     * An event applied in a savepoint of its own (see the deadletters package) ends so.
     */
    public void flushNow() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        for (String key : pendingKeys(batch)) flush(batch, key);
    }

    /** Drops what the current batch has pending, unwritten: its event was rolled back to a savepoint. */
    public void discard() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        for (String key : pendingKeys(batch)) batch.resources().remove(key);
    }

    /**
     * The chats whose events are in the current batch, so that a read model loads all their rows with one query
     * when it first needs one.
     */
    public Set<String> chatsInBatch() {
        Set<String> chats = new LinkedHashSet<>();
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        List<? extends Message<?>> messages = unit instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages() : List.of(unit.getMessage());
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event) chats.add(event.getAggregateIdentifier());
        }
        return chats;
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    private void flush(UnitOfWork<?> batch, String key) {
        Object pending = batch.resources().remove(key);
        if (pending instanceof PendingWrites writes) writes.flush(jdbc);
    }

    private static List<String> pendingKeys(UnitOfWork<?> batch) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Object> resource : batch.resources().entrySet()) {
            if (resource.getKey().startsWith(PENDING)) keys.add(resource.getKey());
        }
        return keys;
    }
}
