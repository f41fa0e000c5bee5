package io.parley.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Links chat events that have no chain link yet, in each chat's order, on the caller's connection and
 * transaction: the events stored before the chain existed (migration V6_1), and a chat whose earlier events were
 * appended around the engine (the bench's bulk seeder) when it is next written to. Reads as it goes, so a large
 * event table needs no more memory than a small one.
 */
public final class ChainBackfill {
    private static final int BATCH = 500;

    private ChainBackfill() {
    }

    /** Links every unlinked event of every chat; answers how many links were written. */
    public static long all(Connection connection) throws SQLException {
        return run(connection, null);
    }

    /** Links every unlinked event of one chat. */
    static long chat(Connection connection, String chatId) throws SQLException {
        return run(connection, chatId);
    }

    private static long run(Connection connection, String chatId) throws SQLException {
        String sql = "SELECT " + StoredEvents.COLUMNS + StoredEvents.FROM
                + (chatId == null ? "" : " AND e.aggregateIdentifier = ?")
                + " ORDER BY e.aggregateIdentifier, e.sequenceNumber";
        long written = 0;
        try (PreparedStatement select = connection.prepareStatement(sql);
             PreparedStatement insert = connection.prepareStatement(ChainWriter.INSERT)) {
            if (chatId != null) select.setString(1, chatId);
            select.setFetchSize(BATCH);
            String chat = null;
            String prevHash = null;
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditEvent stored = StoredEvents.read(rows);
                    if (!stored.chatId().equals(chat)) {
                        chat = stored.chatId();
                        prevHash = AuditChain.GENESIS;
                    }
                    if (stored.hash() != null) {
                        prevHash = stored.hash();
                        continue;
                    }
                    AuditEvent linked = AuditChain.link(new AuditEvent(stored.chatId(), stored.sequence(),
                            stored.globalPosition(), stored.type(), stored.occurredAt(), stored.actor(),
                            stored.correlationId(), stored.payload(), prevHash, null));
                    ChainWriter.add(insert, linked);
                    prevHash = linked.hash();
                    written++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) insert.executeBatch();
        }
        return written;
    }
}
