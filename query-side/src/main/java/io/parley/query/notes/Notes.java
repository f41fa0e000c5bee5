package io.parley.query.notes;

import io.parley.shared.query.NoteView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static io.parley.query.projection.SqlValues.instant;

/** The notes read model's public face: a chat's notes in the order they were added. Staff-only data. */
@Component
public class Notes {
    private static final String SELECT = "SELECT note_id, chat_id, after_seq, author_id, author_name, content,"
            + " created_at FROM chat_note WHERE chat_id = :chatId ORDER BY version";
    private static final RowMapper<PlacedNote> ROW = (row, n) -> new PlacedNote(new NoteView(row.getString("note_id"),
            row.getString("chat_id"), row.getString("author_id"), row.getString("author_name"),
            row.getString("content"), instant(row, "created_at")), row.getLong("after_seq"));

    private final NamedParameterJdbcTemplate jdbc;

    Notes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first, each with the last message seq it followed. */
    public List<PlacedNote> of(String chatId) {
        return jdbc.query(SELECT, Map.of("chatId", chatId), ROW);
    }

    /** A note and the seq of the message it came after (0: before the first). */
    public record PlacedNote(NoteView note, long afterSeq) {
    }
}
