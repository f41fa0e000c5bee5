package io.parley.query.projection;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of one table that a batch of events touches, one per chat. The first lookup loads the rows of every
 * chat in the batch with one query; handlers change them in memory; {@link #flush} inserts the new ones and
 * updates the changed ones with one JDBC batch each, whatever the number of events.
 */
public final class Rows<R> implements PendingWrites {
    private final RowTable<R> table;
    private final ProjectionBatches batches;
    private final Map<String, R> loaded = new HashMap<>();
    private final Set<String> looked = new LinkedHashSet<>();
    private final Map<String, R> inserted = new LinkedHashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    public Rows(RowTable<R> table, ProjectionBatches batches) {
        this.table = table;
        this.batches = batches;
    }

    /** The chat's row as this batch has it; the first miss loads the rows of every chat in the batch. */
    public Optional<R> find(String chatId) {
        if (!looked.contains(chatId)) load(chatId, batches.jdbc(), batches.chatsInBatch());
        return Optional.ofNullable(loaded.get(chatId));
    }

    /** A row this batch creates; inserted at the flush in its final state. */
    public R insert(R row) {
        String chatId = table.chatIdOf(row);
        looked.add(chatId);
        loaded.put(chatId, row);
        inserted.put(chatId, row);
        return row;
    }

    /** The row was changed in memory and must be written. */
    public void changed(R row) {
        String chatId = table.chatIdOf(row);
        if (!inserted.containsKey(chatId)) changed.add(chatId);
    }

    @Override
    public void flush(NamedParameterJdbcTemplate jdbc) {
        if (!inserted.isEmpty()) {
            jdbc.batchUpdate(table.insert(), inserted.values().stream().map(table::parameters)
                    .toArray(SqlParameterSource[]::new));
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate(table.update(), changed.stream().map(loaded::get).map(table::parameters)
                    .toArray(SqlParameterSource[]::new));
        }
        inserted.clear();
        changed.clear();
    }

    private void load(String chatId, NamedParameterJdbcTemplate jdbc, Collection<String> batchChats) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(chatId);
        for (String other : batchChats) {
            if (!looked.contains(other)) ids.add(other);
        }
        for (R row : jdbc.query(table.select(), Map.of("ids", ids), table.mapper())) {
            loaded.put(table.chatIdOf(row), row);
        }
        looked.addAll(ids);
    }
}
