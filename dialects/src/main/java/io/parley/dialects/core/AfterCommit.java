package io.parley.dialects.core;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs a push once the events it is built from are committed: a dialect client must never see a change that was
 * rolled back. The events' handlers run in a unit of work nested in the command's; its root is the one that commits.
 * Outside any unit of work, or after the commit, it runs at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable push) {
        UnitOfWork<?> root = root();
        if (root == null || root.phase().isAfter(UnitOfWork.Phase.ROLLBACK)) {
            push.run();
        } else {
            root.afterCommit(unitOfWork -> push.run());
        }
    }

    /** The unit of work that commits the current events, or null outside one. */
    public static UnitOfWork<?> root() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
    }
}
