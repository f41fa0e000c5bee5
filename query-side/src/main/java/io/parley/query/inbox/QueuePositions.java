package io.parley.query.inbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where waiting chats stand in the auto-assignment queue (1 = next), from the inbox read model, so that every
 * node answers the same: oldest waiting first, ties by ticket number, as the router takes them. Without
 * {@code CHAT_AUTO_ASSIGN} nothing is routed and no chat has a position.
 */
@Component
public class QueuePositions {
    private final JdbcTemplate jdbc;
    private final boolean autoAssign;

    QueuePositions(JdbcTemplate jdbc, @Value("${chat.auto-assign:false}") boolean autoAssign) {
        this.jdbc = jdbc;
        this.autoAssign = autoAssign;
    }

    /** Positions of those of these chats that wait; the others are absent. */
    public Map<String, Integer> of(List<InboxChat> chats) {
        Map<String, Integer> positions = new HashMap<>();
        if (!autoAssign) return positions;
        for (InboxChat chat : chats) {
            if (chat.queuedAt() == null) continue;
            OffsetDateTime at = chat.queuedAt().atOffset(ZoneOffset.UTC);
            Integer ahead = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_chat WHERE queued_at IS NOT NULL"
                            + " AND (queued_at < ? OR (queued_at = ? AND ticket_number < ?))", Integer.class,
                    at, at, chat.ticketNumber());
            positions.put(chat.chatId(), (ahead == null ? 0 : ahead) + 1);
        }
        return positions;
    }
}
