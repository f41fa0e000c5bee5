package io.parley.bench.bare;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline's storage: a chat row holding the last seq and one row per message, written in ONE plain JDBC
 * transaction per message (bump the chat's seq, insert the message, commit) through a small HikariCP pool.
 */
public final class BareStore implements AutoCloseable {
    /** Times as Parley's API writes them: ISO-8601 UTC with three fraction digits. */
    static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final int MAX_MISSED = 200;

    private final HikariDataSource pool;
    private final String bumpSeq;

    public BareStore(String url, String user, String password, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setAutoCommit(false);
        config.setPoolName("bare-jdbc");
        this.pool = new HikariDataSource(config);
        // PostgreSQL returns the bumped value from the UPDATE itself; H2 reads it from the UPDATE's FINAL TABLE.
        this.bumpSeq = url.startsWith("jdbc:h2:")
                ? "SELECT last_seq FROM FINAL TABLE (UPDATE bare_chat SET last_seq = last_seq + 1 WHERE id = ?)"
                : "UPDATE bare_chat SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq";
    }

    /** Creates the two tables if missing. */
    public void createTables() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bare_chat (id VARCHAR(36) PRIMARY KEY,"
                    + " last_seq BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS bare_message (id VARCHAR(36) PRIMARY KEY,"
                    + " chat_id VARCHAR(36) NOT NULL, seq BIGINT NOT NULL, sender_id VARCHAR(255) NOT NULL,"
                    + " content VARCHAR(10000) NOT NULL, client_message_id VARCHAR(100),"
                    + " created_at TIMESTAMP NOT NULL, CONSTRAINT bare_message_seq UNIQUE (chat_id, seq))");
            c.commit();
        }
    }

    /** A new chat with no messages; answers its id. */
    String startChat() throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = pool.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO bare_chat (id, last_seq) VALUES (?, 0)")) {
            insert.setString(1, id);
            insert.executeUpdate();
            c.commit();
        }
        return id;
    }

    /** Stores a message as the chat's next seq and commits; null when the chat does not exist. */
    BareMessage append(String chatId, String senderId, String content, String clientMessageId) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = pool.getConnection()) {
            long seq;
            try (PreparedStatement bump = c.prepareStatement(bumpSeq)) {
                bump.setString(1, chatId);
                try (ResultSet rs = bump.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return null;
                    }
                    seq = rs.getLong(1);
                }
            }
            BareMessage message = new BareMessage(UUID.randomUUID().toString(), chatId, seq, senderId, content,
                    clientMessageId, API_TIME.format(now));
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bare_message (id, chat_id, seq,"
                    + " sender_id, content, client_message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, message.id());
                insert.setString(2, chatId);
                insert.setLong(3, seq);
                insert.setString(4, senderId);
                insert.setString(5, content);
                insert.setString(6, clientMessageId);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
            c.commit();
            return message;
        }
    }

    /** Whether the chat exists, and the messages after {@code afterSeq} (at most 200); null for no such chat. */
    List<BareMessage> missed(String chatId, long afterSeq) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement chat = c.prepareStatement("SELECT 1 FROM bare_chat WHERE id = ?")) {
                chat.setString(1, chatId);
                try (ResultSet rs = chat.executeQuery()) {
                    if (!rs.next()) return null;
                }
            }
            List<BareMessage> missed = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("SELECT id, seq, sender_id, content, client_message_id,"
                    + " created_at FROM bare_message WHERE chat_id = ? AND seq > ? ORDER BY seq LIMIT " + MAX_MISSED)) {
                read.setString(1, chatId);
                read.setLong(2, afterSeq);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        missed.add(new BareMessage(rs.getString(1), chatId, rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), API_TIME.format(rs.getTimestamp(6).toInstant())));
                    }
                }
            }
            c.commit();
            return missed;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
