package io.parley.query.notes;

import io.parley.query.projection.PendingWrites;
import io.parley.shared.event.NoteAddedEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.List;

import static io.parley.query.projection.SqlValues.name;
import static io.parley.query.projection.SqlValues.timestamp;

/**
 * The notes one batch of events adds, inserted with one JDBC batch. A note already there (the processor replays
 * to rebuild another read model) is skipped by its id, in SQL that H2 and PostgreSQL both run.
 */
final class NoteWrites implements PendingWrites {
    private static final String INSERT = "INSERT INTO chat_note (note_id, chat_id, after_seq, author_id,"
            + " author_role, author_name, content, created_at, version)"
            + " SELECT :noteId, :chatId, :afterSeq, :authorId, :authorRole, :authorName, :content, :createdAt,"
            + " :version WHERE NOT EXISTS (SELECT 1 FROM chat_note WHERE note_id = :noteId)";

    private final List<SqlParameterSource> notes = new ArrayList<>();

    void add(NoteAddedEvent event, long version) {
        notes.add(new MapSqlParameterSource()
                .addValue("noteId", event.noteId())
                .addValue("chatId", event.chatId())
                .addValue("afterSeq", event.afterSeq())
                .addValue("authorId", event.authorId())
                .addValue("authorRole", name(event.authorRole()))
                .addValue("authorName", event.authorName())
                .addValue("content", event.content())
                .addValue("createdAt", timestamp(event.addedAt()))
                .addValue("version", version));
    }

    @Override
    public void flush(NamedParameterJdbcTemplate jdbc) {
        if (notes.isEmpty()) return;
        jdbc.batchUpdate(INSERT, notes.toArray(SqlParameterSource[]::new));
        notes.clear();
    }
}
