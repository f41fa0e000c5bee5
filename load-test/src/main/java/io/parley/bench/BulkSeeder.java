package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Puts a large history in place fast ({@code --seed bulk}): each chat got its first messages through the real
 * send path, then this appends further MessageSentEvents to the event table with plain JDBC, each a copy of
 * the chat's newest stored one with the next event sequence, message seq, id and time. The running server's
 * projections pick them up like any appended event, so read models are built by Parley itself. It needs a
 * database the harness may write while the server runs (PostgreSQL; H2 locks its file).
 */
final class BulkSeeder {
    private static final int BATCH = 1_000;

    private BulkSeeder() {
    }

    /**
     * Appends {@code perChat} message events to each seeded chat through the run's database, then waits until
     * the server's projections have caught up; returns how many it appended.
     */
    static long appendAndProject(Run run, Seeder.Seeded seeded, long perChat, String content) throws Exception {
        Database db = run.target.database();
        if (db == null || !run.target.databaseReadableWhileRunning()) {
            throw new IllegalArgumentException("--seed bulk writes the event table while the server runs:"
                    + " it needs PostgreSQL (--db-url), not the embedded H2 file");
        }
        long appended = append(db, seeded.chats().stream().map(Population.Chat::id).toList(), perChat, content);
        run.progress("appended %d message events; waiting for the read models", appended);
        Projections.awaitCaughtUp(run, 3600);
        run.notes.add("bulk seeding: " + seeded.messages() + " messages sent for real, " + appended
                + " appended to the event table with JDBC and projected by the running server");
        return appended;
    }

    /** Appends {@code perChat} message events to each chat; returns how many it appended. */
    static long append(Database db, List<String> chatIds, long perChat, String content) throws Exception {
        long appended = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (String chatId : chatIds) {
                appended += appendTo(c, chatId, perChat, content);
            }
        }
        return appended;
    }

    private static long appendTo(Connection c, String chatId, long count, String content) throws Exception {
        long eventSeq;
        byte[] templatePayload;
        byte[] metaData;
        String type;
        String payloadType;
        String revision;
        try (PreparedStatement last = c.prepareStatement("SELECT MAX(sequenceNumber) FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ?");
             PreparedStatement template = c.prepareStatement("SELECT payload, metaData, type, payloadType,"
                     + " payloadRevision FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                     + " AND payloadType LIKE '%MessageSentEvent' ORDER BY sequenceNumber DESC LIMIT 1")) {
            last.setString(1, chatId);
            try (ResultSet rs = last.executeQuery()) {
                rs.next();
                eventSeq = rs.getLong(1);
            }
            template.setString(1, chatId);
            try (ResultSet rs = template.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("chat " + chatId + " has no message to copy");
                templatePayload = rs.getBytes(1);
                metaData = rs.getBytes(2);
                type = rs.getString(3);
                payloadType = rs.getString(4);
                revision = rs.getString(5);
            }
        }
        ObjectNode payload = (ObjectNode) Rest.JSON.readTree(templatePayload);
        long seq = payload.path("seq").asLong();
        Instant at = Instant.now();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType,"
                + " timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long i = 1; i <= count; i++) {
                String time = at.plusMillis(i).toString();
                payload.put("messageId", UUID.randomUUID().toString());
                payload.put("seq", seq + i);
                payload.put("content", content);
                payload.putNull("clientMessageId");
                payload.put("sentAt", time);
                insert.setString(1, chatId);
                insert.setLong(2, eventSeq + i);
                insert.setString(3, type);
                insert.setString(4, UUID.randomUUID().toString());
                insert.setBytes(5, metaData);
                insert.setBytes(6, Rest.JSON.writeValueAsBytes(payload));
                insert.setString(7, revision);
                insert.setString(8, payloadType);
                insert.setString(9, time);
                insert.addBatch();
                if (i % BATCH == 0 || i == count) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        return count;
    }
}
