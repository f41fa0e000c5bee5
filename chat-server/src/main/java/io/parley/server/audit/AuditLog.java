package io.parley.server.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads chats' audit events straight from the event store (never a read model): one chat's page, a re-check of
 * its chain against the stored events, and the whole store in global order in keyset pages, so that any number of
 * events passes through a fixed amount of memory.
 */
@Component
class AuditLog {
    private static final int EXPORT_PAGE = 500;
    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String chatId) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = 0 AND type = '" + StoredEvents.CHAT_TYPE + "'", Integer.class, chatId);
        return found != null && found > 0;
    }

    /** The chat's events after {@code afterSequence}, oldest first. */
    List<AuditEvent> page(String chatId, long afterSequence, int limit) {
        return jdbc.query("SELECT " + StoredEvents.COLUMNS + StoredEvents.FROM
                        + " AND e.aggregateIdentifier = ? AND e.sequenceNumber > ? ORDER BY e.sequenceNumber LIMIT ?",
                (row, n) -> StoredEvents.read(row), chatId, afterSequence, limit);
    }

    /**
     * Recomputes every link from the stored event (payload and metadata as they are in the table now) and
     * compares it with the stored chain: the links must follow each other from {@link AuditChain#GENESIS}, each
     * hash must match, and no event may be missing from either side.
     */
    ChainCheck verify(String chatId) {
        ChainWalk walk = new ChainWalk();
        jdbc.query(connection -> {
            var select = connection.prepareStatement("SELECT " + StoredEvents.COLUMNS + StoredEvents.FROM
                    + " AND e.aggregateIdentifier = ? ORDER BY e.sequenceNumber");
            select.setString(1, chatId);
            select.setFetchSize(EXPORT_PAGE);
            return select;
        }, (RowCallbackHandler) row -> walk.next(StoredEvents.read(row)));
        Long lastLinked = jdbc.queryForObject("SELECT MAX(sequence_number) FROM audit_chain WHERE chat_id = ?",
                Long.class, chatId);
        // A link beyond the last stored event means events were removed from the end.
        if (lastLinked != null && lastLinked >= walk.events) walk.invalidAt(walk.events);
        return new ChainCheck(chatId, walk.events, walk.headHash, walk.firstInvalid == null, walk.firstInvalid);
    }

    /**
     * Every chat event after {@code afterPosition} in global order, with {@code occurredAt} in [{@code from},
     * {@code to}) where given, at most {@code limit} (null: all), handed to {@code sink} one by one.
     */
    void export(long afterPosition, Instant from, Instant to, Long limit, Consumer<AuditEvent> sink) {
        long position = afterPosition;
        long left = limit == null ? Long.MAX_VALUE : limit;
        while (left > 0) {
            List<AuditEvent> page = jdbc.query("SELECT " + StoredEvents.COLUMNS + StoredEvents.FROM
                            + " AND e.globalIndex > ? ORDER BY e.globalIndex LIMIT ?",
                    (row, n) -> StoredEvents.read(row), position, EXPORT_PAGE);
            for (AuditEvent event : page) {
                position = event.globalPosition();
                Instant at = Instant.parse(event.occurredAt());
                if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))) continue;
                sink.accept(event);
                if (--left == 0) return;
            }
            if (page.size() < EXPORT_PAGE) return;
        }
    }

    /** The state of a walk along one chat's stored events. */
    private static final class ChainWalk {
        long events;
        String headHash;
        Long firstInvalid;
        private String expectedPrev = AuditChain.GENESIS;

        void next(AuditEvent stored) {
            boolean intact = stored.sequence() == events && stored.hash() != null
                    && expectedPrev.equals(stored.prevHash())
                    && stored.hash().equals(AuditChain.hash(AuditChain.JSON.valueToTree(stored)));
            if (!intact) invalidAt(Math.min(stored.sequence(), events));
            expectedPrev = stored.hash() == null ? "" : stored.hash();
            headHash = stored.hash();
            events++;
        }

        void invalidAt(long sequence) {
            if (firstInvalid == null) firstInvalid = sequence;
        }
    }
}
