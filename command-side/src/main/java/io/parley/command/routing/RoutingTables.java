package io.parley.command.routing;

import io.parley.shared.Availability;
import io.parley.shared.ChatStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The router's state in {@code route_chat} and {@code route_agent}: written by its processor and by the router in
 * the transaction of its assignments, so a rolled-back decision leaves no trace here either.
 */
@Component
@ConditionalOnProperty(name = "chat.auto-assign", havingValue = "true")
class RoutingTables {
    private static final String ACTIVE = "('OPEN', 'IN_PROGRESS', 'PENDING')";

    /** A chat as the router knows it; {@code version} is the chat's last event applied. */
    record RoutedChat(String chatId, String ticketNumber, ChatStatus status, String agentId, Instant queuedAt,
                      long version) {
        boolean waits() {
            return agentId == null && status.isActive();
        }

        /** The same chat after a change: it starts waiting at {@code at}, or stops. */
        RoutedChat with(ChatStatus newStatus, String newAgentId, long newVersion, Instant at) {
            boolean waits = newAgentId == null && newStatus.isActive();
            Instant queued = waits ? (queuedAt != null ? queuedAt : at) : null;
            return new RoutedChat(chatId, ticketNumber, newStatus, newAgentId, queued, newVersion);
        }
    }

    /** An agent whose availability is online: since when, and when they were last given a chat. */
    record OnlineAgent(String agentId, Instant onlineSince, Instant lastAssignedAt) {
    }

    private final JdbcTemplate jdbc;

    RoutingTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RoutedChat> chat(String chatId) {
        return jdbc.query("SELECT chat_id, ticket_number, status, agent_id, queued_at, version FROM route_chat"
                + " WHERE chat_id = ?", RoutingTables::chatRow, chatId).stream().findFirst();
    }

    void insert(RoutedChat chat) {
        jdbc.update("INSERT INTO route_chat (chat_id, ticket_number, status, agent_id, queued_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", chat.chatId(), chat.ticketNumber(), chat.status().name(),
                chat.agentId(), at(chat.queuedAt()), chat.version());
    }

    void update(RoutedChat chat) {
        jdbc.update("UPDATE route_chat SET status = ?, agent_id = ?, queued_at = ?, version = ? WHERE chat_id = ?",
                chat.status().name(), chat.agentId(), at(chat.queuedAt()), chat.version(), chat.chatId());
    }

    void forget(String chatId) {
        jdbc.update("DELETE FROM route_chat WHERE chat_id = ?", chatId);
    }

    void clear() {
        jdbc.update("DELETE FROM route_chat");
        jdbc.update("DELETE FROM route_agent");
    }

    boolean anyWaiting() {
        return !jdbc.queryForList("SELECT chat_id FROM route_chat WHERE queued_at IS NOT NULL"
                + " FETCH FIRST 1 ROWS ONLY", String.class).isEmpty();
    }

    /** The waiting chats, oldest first (ties by ticket number, which increases). */
    List<RoutedChat> waiting(int limit) {
        return jdbc.query("SELECT chat_id, ticket_number, status, agent_id, queued_at, version FROM route_chat"
                + " WHERE queued_at IS NOT NULL ORDER BY queued_at, ticket_number FETCH FIRST " + limit
                + " ROWS ONLY", RoutingTables::chatRow);
    }

    /** Active chats held by each of these agents (absent: none). */
    Map<String, Integer> loads(Collection<String> agentIds) {
        Map<String, Integer> loads = new HashMap<>();
        if (agentIds.isEmpty()) return loads;
        String marks = String.join(", ", agentIds.stream().map(id -> "?").toList());
        jdbc.query("SELECT agent_id, COUNT(*) FROM route_chat WHERE status IN " + ACTIVE + " AND agent_id IN ("
                        + marks + ") GROUP BY agent_id",
                row -> {
                    loads.put(row.getString(1), row.getInt(2));
                }, agentIds.toArray());
        return loads;
    }

    List<OnlineAgent> onlineAgents() {
        return jdbc.query("SELECT agent_id, online_since, last_assigned_at FROM route_agent WHERE availability = ?",
                (row, n) -> new OnlineAgent(row.getString(1), instant(row, 2), instant(row, 3)),
                Availability.ONLINE.name());
    }

    void availability(String agentId, Availability availability, Instant at) {
        Instant since = availability == Availability.ONLINE ? at : null;
        if (jdbc.update("UPDATE route_agent SET availability = ?, online_since = ? WHERE agent_id = ?",
                availability.name(), at(since), agentId) == 0) {
            jdbc.update("INSERT INTO route_agent (agent_id, availability, online_since) VALUES (?, ?, ?)",
                    agentId, availability.name(), at(since));
        }
    }

    /** Remembers the agent's latest assignment (the router's or anyone's), for "idle longest". */
    void assigned(String agentId, Instant at) {
        if (jdbc.update("UPDATE route_agent SET last_assigned_at = ? WHERE agent_id = ?"
                + " AND (last_assigned_at IS NULL OR last_assigned_at < ?)", at(at), agentId, at(at)) == 0) {
            jdbc.update("INSERT INTO route_agent (agent_id, last_assigned_at) SELECT ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM route_agent WHERE agent_id = ?)", agentId, at(at), agentId);
        }
    }

    private static RoutedChat chatRow(ResultSet row, int n) throws SQLException {
        return new RoutedChat(row.getString(1), row.getString(2), ChatStatus.valueOf(row.getString(3)),
                row.getString(4), instant(row, 5), row.getLong(6));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
