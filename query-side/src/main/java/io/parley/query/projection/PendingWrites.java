package io.parley.query.projection;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What one read model has decided in a batch of events and not yet written: written in one go at its end. */
public interface PendingWrites {

    /** Writes everything pending with set-based statements (JDBC batches), in the batch's transaction. */
    void flush(NamedParameterJdbcTemplate jdbc);
}
