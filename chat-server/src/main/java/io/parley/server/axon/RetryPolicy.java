package io.parley.server.axon;

import org.axonframework.common.AxonNonTransientException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;

/** Which command failures are worth retrying: lost races on the event store or a unique key, and transient I/O. */
final class RetryPolicy {
    private RetryPolicy() {
    }

    static boolean isFinal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AxonNonTransientException && !(t instanceof ConcurrencyException)) return true;
            if (t instanceof ConcurrencyException
                    || t instanceof DataIntegrityViolationException
                    || t instanceof TransientDataAccessException) {
                return false;
            }
            if (t.getCause() == t) break;
        }
        return true;
    }
}
