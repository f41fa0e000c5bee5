package io.parley.server.axon;

import org.axonframework.common.AxonNonTransientException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Which command failures are not worth retrying. Axon applies this to the failure and to each of its causes;
 * anything it does not flag (a lost race on the event store or on a unique key, a pooled connection that broke)
 * is retried.
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
                || failure instanceof UnsupportedOperationException
                || databaseUnreachable(failure);
    }

    /**
     * No connection to the database could be had: the pool waited its whole connection timeout, or the server
     * refused to connect. Each retry would wait as long again, keeping the sender past its ack timeout; the
     * sender gets the error now and sends again with its clientMessageId. (A pooled connection that broke, SQL
     * state 08006, is still retried: the next attempt takes a fresh one.)
     */
    private static boolean databaseUnreachable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof ConnectException) return true;
        return failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().equals("08001") || sql.getSQLState().equals("08004"));
    }
}
