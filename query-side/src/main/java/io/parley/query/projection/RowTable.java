package io.parley.query.projection;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * How one read-model table keyed by chat is read and written with JDBC: the row is a plain object of the read
 * model's package, decided on in memory. The statements use named parameters; {@code :ids} in the select is the
 * batch's list of chats.
 */
public interface RowTable<R> {

    /** Selects the rows of the chats in {@code :ids}. */
    String select();

    RowMapper<R> mapper();

    String chatIdOf(R row);

    String insert();

    String update();

    /** The parameters of both the insert and the update of a row. */
    SqlParameterSource parameters(R row);
}
