package io.parley.query.analytics;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Rows of a keyed table that a batch adds to (counters) or overwrites (names), written at the flush as two JDBC
 * batches: an insert of each key unless it exists ({@code ON CONFLICT DO NOTHING}, which PostgreSQL and H2's
 * PostgreSQL mode both run), then an update. Keys are written in sorted order, so two segments updating the same
 * days never deadlock each other.
 */
final class Upserts {
    private final String table;
    private final List<String> keys;
    private final List<String> values;
    private final boolean adds;
    private final Map<String, Object[][]> pending = new TreeMap<>();

    private Upserts(String table, List<String> keys, List<String> values, boolean adds) {
        this.table = table;
        this.keys = keys;
        this.values = values;
        this.adds = adds;
    }

    /** A table of counters: each write adds to what is stored. */
    static Upserts counters(String table, List<String> keys, List<String> counters) {
        return new Upserts(table, keys, counters, true);
    }

    /** A table of values: the last write wins. */
    static Upserts values(String table, List<String> keys, List<String> values) {
        return new Upserts(table, keys, values, false);
    }

    /** Adds the counts (one per counter column, in order) to the row of this key. */
    void add(List<Object> key, long... counts) {
        Object[][] entry = pending.computeIfAbsent(sortKey(key), k -> new Object[][]{key.toArray(),
                zeros(values.size())});
        for (int i = 0; i < counts.length; i++) entry[1][i] = (Long) entry[1][i] + counts[i];
    }

    /** Sets the row of this key to these values (one per value column, in order). */
    void set(List<Object> key, Object... row) {
        pending.put(sortKey(key), new Object[][]{key.toArray(), row.clone()});
    }

    void flush(NamedParameterJdbcTemplate jdbc) {
        if (pending.isEmpty()) return;
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Object[][] entry : pending.values()) rows.add(parameters(entry));
        SqlParameterSource[] batch = rows.toArray(SqlParameterSource[]::new);
        // Create what is missing first (a segment racing for the same new key loses quietly), then change it:
        // no unique-key failure however many segments count the same day.
        jdbc.batchUpdate(insert(), batch);
        jdbc.batchUpdate(update(), batch);
        pending.clear();
    }

    private String update() {
        String set = values.stream().map(v -> adds ? v + " = " + v + " + :" + v : v + " = :" + v)
                .collect(Collectors.joining(", "));
        String where = keys.stream().map(k -> k + " = :" + k).collect(Collectors.joining(" AND "));
        return "UPDATE " + table + " SET " + set + " WHERE " + where;
    }

    /** Counter rows start at zero (the update adds); value rows start as written. */
    private String insert() {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(values);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + keys.stream().map(k -> ":" + k).collect(Collectors.joining(", ")) + ", "
                + values.stream().map(v -> adds ? "0" : ":" + v).collect(Collectors.joining(", "))
                + ") ON CONFLICT DO NOTHING";
    }

    private SqlParameterSource parameters(Object[][] entry) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        for (int i = 0; i < keys.size(); i++) parameters.addValue(keys.get(i), entry[0][i]);
        for (int i = 0; i < values.size(); i++) parameters.addValue(values.get(i), entry[1][i]);
        return parameters;
    }

    private static String sortKey(List<Object> key) {
        return key.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    private static Object[] zeros(int size) {
        Object[] zeros = new Object[size];
        java.util.Arrays.fill(zeros, 0L);
        return zeros;
    }
}
