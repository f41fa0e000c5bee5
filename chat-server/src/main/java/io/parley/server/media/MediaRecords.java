package io.parley.server.media;

import io.parley.shared.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code media} table: metadata of uploads, their claim by a message, and their thumbnails. */
@Repository
class MediaRecords {
    private static final String COLUMNS = "id, uploader_id, name, content_type, size_bytes, sha256, created_at,"
            + " customer_id, message_id, thumbnail_type";
    private static final RowMapper<StoredMedia> ROW = (rs, i) -> new StoredMedia(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
            rs.getString(8), rs.getString(9), rs.getString(10));

    private final JdbcTemplate jdbc;

    MediaRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredMedia media, Actor uploader, byte[] thumbnail) {
        jdbc.update("INSERT INTO media (id, uploader_id, uploader_role, name, content_type, size_bytes, sha256,"
                        + " created_at, thumbnail, thumbnail_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                media.id(), uploader.id(), uploader.role().wire(), media.name(), media.contentType(), media.size(),
                media.sha256(), Timestamp.from(media.createdAt()), thumbnail, media.thumbnailType());
    }

    Optional<StoredMedia> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM media WHERE id = ?", ROW, id).stream().findFirst();
    }

    byte[] thumbnail(String id) {
        return jdbc.query("SELECT thumbnail FROM media WHERE id = ?", (rs, i) -> rs.getBytes(1), id)
                .stream().findFirst().orElse(null);
    }

    /** True when this message now carries the media: it was the uploader's and no message carried it yet. */
    boolean claim(String id, String uploaderId, String chatId, String customerId, String messageId, Instant at) {
        return jdbc.update("UPDATE media SET chat_id = ?, customer_id = ?, message_id = ?, attached_at = ?"
                        + " WHERE id = ? AND uploader_id = ? AND message_id IS NULL",
                chatId, customerId, messageId, Timestamp.from(at), id, uploaderId) == 1;
    }

    /** Media no message carries that was uploaded before {@code before}, oldest first. */
    List<String> orphans(Instant before, int limit) {
        return jdbc.queryForList("SELECT id FROM media WHERE message_id IS NULL AND created_at < ?"
                + " ORDER BY created_at LIMIT " + limit, String.class, Timestamp.from(before));
    }

    /** True for the one node whose delete removed the row: a claim that committed first keeps it. */
    boolean deleteOrphan(String id) {
        return jdbc.update("DELETE FROM media WHERE id = ? AND message_id IS NULL", id) == 1;
    }

    void delete(String id) {
        jdbc.update("DELETE FROM media WHERE id = ?", id);
    }
}
