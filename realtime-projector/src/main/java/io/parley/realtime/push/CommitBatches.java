package io.parley.realtime.push;

import io.parley.shared.command.ChatState;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Collects the pushes of one command in a batch kept by the command's unit of work, and hands the batch to the
 * dispatcher right after that command committed, with the chat's state from the command's result. A command
 * nested in another unit of work (a policy reacting to events) commits with its root and is pushed then.
 */
@Component
class CommitBatches {
    private static final String BATCH = CommitBatches.class.getName() + ".batch";

    private final PushDispatcher dispatcher;

    CommitBatches(PushDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void record(Consumer<PushBatch> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            dispatchNow(change);
            return;
        }
        UnitOfWork<?> owner = commandOf(CurrentUnitOfWork.get());
        if (owner.phase().isAfter(UnitOfWork.Phase.ROLLBACK)) {
            // Published while the command is already past its commit: committed, so push right away.
            dispatchNow(change);
            return;
        }
        PushBatch batch = owner.getOrComputeResource(BATCH, key -> {
            PushBatch created = new PushBatch();
            owner.afterCommit(committed -> dispatcher.dispatch(created, stateAfter(committed)));
            return created;
        });
        change.accept(batch);
    }

    private void dispatchNow(Consumer<PushBatch> change) {
        PushBatch batch = new PushBatch();
        change.accept(batch);
        dispatcher.dispatch(batch, null);
    }

    /** The unit of work of the command that produced the events, else the root. */
    private static UnitOfWork<?> commandOf(UnitOfWork<?> current) {
        for (UnitOfWork<?> u = current; u != null; u = u.parent().orElse(null)) {
            if (u.getMessage() instanceof CommandMessage<?>) return u;
        }
        return current.root();
    }

    /** The chat's state as the committed command's result tells it, or null. */
    static ChatState stateAfter(UnitOfWork<?> committed) {
        ExecutionResult execution = committed.getExecutionResult();
        if (execution == null || execution.isExceptionResult()) return null;
        Object result = execution.getResult();
        if (result instanceof ResultMessage<?> message) {
            if (message.isExceptional()) return null;
            result = message.getPayload();
        }
        return result instanceof ChatState.Carrier carrier ? carrier.state() : null;
    }
}
