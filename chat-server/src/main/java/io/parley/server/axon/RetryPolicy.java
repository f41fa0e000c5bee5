package io.parley.server.axon;

import org.axonframework.common.AxonNonTransientException;

/**
 * Which command failures are not worth retrying. Axon applies this to the failure and to each of its causes;
 * anything it does not flag (a lost race on the event store or on a unique key, transient I/O) is retried.
 */
final class RetryPolicy {
    private RetryPolicy() {
    }

    static boolean isFinal(Throwable failure) {
        // Rule violations are final; so are programming errors, which a retry would only repeat slowly.
        return failure instanceof AxonNonTransientException
                || failure instanceof IllegalArgumentException
                || failure instanceof NullPointerException
                || failure instanceof ClassCastException
                || failure instanceof UnsupportedOperationException;
    }
}
