package io.parley.query.inbox;

import io.parley.query.projection.PendingWrites;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.Rows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the inbox projection writes for one batch of events: the chats' rows, then what their customers and staff
 * said, added to each chat's search document with one statement per chat (per {@link #CHUNK_CHARACTERS} of
 * text), however many messages the batch holds.
 */
final class InboxWrites implements PendingWrites {
    /** Text added to a document in one statement: a replay's long chat stays far below tsvector's limits. */
    static final int CHUNK_CHARACTERS = 32_000;

    final Rows<InboxChatEntity> rows;
    private final SearchDocument document;
    private final Map<String, List<StringBuilder>> said = new LinkedHashMap<>();

    InboxWrites(ProjectionBatches batches, SearchDocument document) {
        this.rows = new Rows<>(InboxRows.TABLE, batches);
        this.document = document;
    }

    /** A message of the customer or staff (never a system notice or a note), searchable once the batch commits. */
    void said(String chatId, String content) {
        if (content == null || content.isBlank()) return;
        String text = document.text(content);
        List<StringBuilder> chunks = said.computeIfAbsent(chatId, id -> new ArrayList<>());
        StringBuilder last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (last == null || last.length() + text.length() > CHUNK_CHARACTERS) {
            chunks.add(new StringBuilder(text));
        } else {
            last.append('\n').append(text);
        }
    }

    @Override
    public void flush(NamedParameterJdbcTemplate jdbc) {
        rows.flush(jdbc);
        List<SqlParameterSource> appends = new ArrayList<>();
        said.forEach((chatId, chunks) -> chunks.forEach(chunk -> appends.add(
                new MapSqlParameterSource().addValue("chatId", chatId).addValue("text", chunk.toString()))));
        if (!appends.isEmpty()) {
            jdbc.batchUpdate(document.appendStatement(), appends.toArray(SqlParameterSource[]::new));
        }
        said.clear();
    }
}
