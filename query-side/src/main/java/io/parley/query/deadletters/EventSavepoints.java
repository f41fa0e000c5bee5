package io.parley.query.deadletters;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a read model's failing write fail its own event, where the dead-letter queue can catch it. A batch runs as
 * it always did, its writes made at commit (see the projection package); but then a failing write fails after
 * every handler returned, and on PostgreSQL one failed statement aborts the whole transaction. So when a batch
 * fails, its events are marked, and on the processor's retry each of them runs in a savepoint and writes before it
 * returns: a failure rolls back to the savepoint, and the transaction stays usable for the dead letter and the
 * events after it. Outside a processor's batch (dead letters processed again) every event runs so.
 */
@Component
class EventSavepoints implements HandlerEnhancerDefinition {
    private static final String WATCHED = EventSavepoints.class.getName() + ".watched";
    private static final String CAREFUL = EventSavepoints.class.getName() + ".careful";

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<ProjectionBatches> batches;
    /** Events of batches that failed, to be retried one savepoint each. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

    EventSavepoints(ObjectProvider<DataSource> dataSource, ObjectProvider<ProjectionBatches> batches) {
        this.dataSource = dataSource;
        this.batches = batches;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !QuerySideConfig.READ_MODELS.equals(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (careful(message)) return inSavepoint(() -> super.handle(message, target));
                return super.handle(message, target);
            }
        };
    }

    /**
     * True outside a processor's batch, and in a batch from its first suspect event on; else watches the batch
     * for a rollback.
     */
    private boolean careful(Message<?> message) {
        if (!CurrentUnitOfWork.isStarted()) return true;
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) return true;
        if (suspects.contains(message.getIdentifier()) || unitOfWork.resources().containsKey(CAREFUL)) {
            unitOfWork.resources().put(CAREFUL, Boolean.TRUE);
            unitOfWork.afterCommit(u -> suspects.remove(message.getIdentifier()));
            return true;
        }
        unitOfWork.getOrComputeResource(WATCHED, key -> {
            unitOfWork.onRollback(u -> batch.getMessages().forEach(m -> suspects.add(m.getIdentifier())));
            return Boolean.TRUE;
        });
        return false;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        // Outside a transaction (none is expected) there is no batch to protect.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) return handling.handle();
        ProjectionBatches pending = batches.getObject();
        try {
            pending.flushNow();
        } catch (RuntimeException earlier) {
            // An earlier event of the batch wrote this; it must not be parked as this event's failure. Failing the
            // whole batch makes the processor retry it, every event in its own savepoint.
            pending.discard();
            throw earlier;
        }
        // The transaction's own connection (Spring binds it for the processor's batch).
        DataSource source = dataSource.getObject();
        Connection connection = DataSourceUtils.getConnection(source);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Object result = handling.handle();
                pending.flushNow();
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception | Error failure) {
                pending.discard();
                connection.rollback(savepoint);
                throw failure;
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, source);
        }
    }

    @FunctionalInterface
    private interface Handling {
        Object handle() throws Exception;
    }
}
