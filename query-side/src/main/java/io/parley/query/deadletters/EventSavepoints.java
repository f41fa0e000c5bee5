package io.parley.query.deadletters;

import io.parley.query.config.QuerySideConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.FlushMode;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a read model's failing write fail its own event, where the dead-letter queue can catch it. A batch runs as
 * it always did, its writes flushed at commit; but JPA fails a write only there, after every handler returned, and
 * on PostgreSQL one failed statement aborts the whole transaction. So when a batch fails, its events are marked,
 * and on the processor's retry each of them runs in a savepoint and flushes before it returns: a failure rolls
 * back to the savepoint, and the transaction stays usable for the dead letter and the events after it. Outside a
 * processor's batch (dead letters processed again) every event runs so.
 */
@Component
class EventSavepoints implements HandlerEnhancerDefinition {
    private static final String WATCHED = EventSavepoints.class.getName() + ".watched";
    private static final String CAREFUL = EventSavepoints.class.getName() + ".careful";

    private final ObjectProvider<EntityManagerFactory> entityManagers;
    /** Events of batches that failed, to be retried one savepoint each. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

    EventSavepoints(ObjectProvider<EntityManagerFactory> entityManagers) {
        this.entityManagers = entityManagers;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !QuerySideConfig.PROJECTIONS.contains(group.value())
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
        EntityManagerFactory factory = entityManagers.getObject();
        EntityManager entityManager = TransactionSynchronizationManager.isActualTransactionActive()
                ? EntityManagerFactoryUtils.getTransactionalEntityManager(factory) : null;
        // Outside a transaction (none is expected) there is no batch to protect.
        if (entityManager == null) return handling.handle();
        EventSource session = entityManager.unwrap(EventSource.class);
        // Writes reach the database only in flush() below, never in a query's auto-flush, whose failure JPA
        // would turn into a mark that dooms the whole transaction.
        try {
            flush(session);
        } catch (RuntimeException earlier) {
            // An earlier event of the batch wrote this; it must not be parked as this event's failure. Failing the
            // whole batch makes the processor retry it, every event in its own savepoint.
            entityManager.getTransaction().setRollbackOnly();
            throw earlier;
        }
        FlushMode mode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        // A JDBC savepoint on the session's own connection: Spring's JPA transactions have no nested ones.
        Savepoint savepoint = session.doReturningWork(Connection::setSavepoint);
        try {
            Object result = handling.handle();
            flush(session);
            session.doWork(connection -> connection.releaseSavepoint(savepoint));
            return result;
        } catch (Exception | Error failure) {
            session.doWork(connection -> connection.rollback(savepoint));
            // The persistence context still holds the failed event's changes; earlier events are flushed already.
            session.clear();
            if (TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder) {
                holder.resetRollbackOnly();
            }
            throw failure;
        } finally {
            session.setHibernateFlushMode(mode);
        }
    }

    /**
     * Session.flush() would report a failure through JPA's exception conversion, which marks the transaction
     * rollback-only for good; Hibernate's flush event writes the same statements and only throws.
     */
    private static void flush(EventSource session) {
        session.getFactory().getEventEngine().getListenerRegistry().getEventListenerGroup(EventType.FLUSH)
                .fireEventOnEachListener(new FlushEvent(session), FlushEventListener::onFlush);
    }

    @FunctionalInterface
    private interface Handling {
        Object handle() throws Exception;
    }
}
