package io.parley.server.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises a lost race on the event table's unique (aggregate, seq) key, so that the engine reports a
 * ConcurrencyException, which the gateway retries. Axon's JdbcSQLErrorCodesResolver only knows
 * SQLIntegrityConstraintViolationException (H2); PostgreSQL reports SQLState 23505 inside a BatchUpdateException.
 */
final class UniqueKeyViolations implements PersistenceExceptionResolver {
    /** SQL standard "unique violation", used by PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = exception;
        while (current != null && seen.add(current)) {
            if (current instanceof SQLIntegrityConstraintViolationException) return true;
            if (current instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) return true;
                SQLException next = sql.getNextException();
                if (next != null && next != current && isDuplicateKeyViolation(next)) return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
