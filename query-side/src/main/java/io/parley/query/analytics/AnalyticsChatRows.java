package io.parley.query.analytics;

import io.parley.query.projection.RowTable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import static io.parley.query.projection.SqlValues.instant;
import static io.parley.query.projection.SqlValues.timestamp;

/** The analytics_chat table as the analytics projection reads and writes it with JDBC. */
final class AnalyticsChatRows implements RowTable<AnalyticsChat> {
    static final AnalyticsChatRows TABLE = new AnalyticsChatRows();

    private static final String COLUMNS = "chat_id, category, priority, started_at, started_day,"
            + " first_customer_message_at, first_agent_message_at, first_responder_id, first_response_seconds,"
            + " first_resolved_at, resolution_seconds, closed_at, agent_id, customer_messages, agent_messages,"
            + " rating, version";

    private AnalyticsChatRows() {
    }

    @Override
    public String select() {
        return "SELECT " + COLUMNS + " FROM analytics_chat WHERE chat_id IN (:ids)";
    }

    @Override
    public RowMapper<AnalyticsChat> mapper() {
        return (row, n) -> {
            AnalyticsChat chat = new AnalyticsChat();
            chat.chatId = row.getString("chat_id");
            chat.category = row.getString("category");
            chat.priority = row.getString("priority");
            chat.startedAt = instant(row, "started_at");
            chat.firstCustomerMessageAt = instant(row, "first_customer_message_at");
            chat.firstAgentMessageAt = instant(row, "first_agent_message_at");
            chat.firstResponderId = row.getString("first_responder_id");
            chat.firstResponseSeconds = row.getObject("first_response_seconds", Double.class);
            chat.firstResolvedAt = instant(row, "first_resolved_at");
            chat.resolutionSeconds = row.getObject("resolution_seconds", Double.class);
            chat.closedAt = instant(row, "closed_at");
            chat.agentId = row.getString("agent_id");
            chat.customerMessages = row.getInt("customer_messages");
            chat.agentMessages = row.getInt("agent_messages");
            chat.rating = row.getObject("rating", Integer.class);
            chat.version = row.getLong("version");
            return chat;
        };
    }

    @Override
    public String chatIdOf(AnalyticsChat row) {
        return row.chatId;
    }

    @Override
    public String insert() {
        return "INSERT INTO analytics_chat (" + COLUMNS + ") VALUES (:chatId, :category, :priority, :startedAt,"
                + " :startedDay, :firstCustomerMessageAt, :firstAgentMessageAt, :firstResponderId,"
                + " :firstResponseSeconds, :firstResolvedAt, :resolutionSeconds, :closedAt, :agentId,"
                + " :customerMessages, :agentMessages, :rating, :version)";
    }

    @Override
    public String update() {
        return "UPDATE analytics_chat SET first_customer_message_at = :firstCustomerMessageAt,"
                + " first_agent_message_at = :firstAgentMessageAt, first_responder_id = :firstResponderId,"
                + " first_response_seconds = :firstResponseSeconds, first_resolved_at = :firstResolvedAt,"
                + " resolution_seconds = :resolutionSeconds, closed_at = :closedAt, agent_id = :agentId,"
                + " customer_messages = :customerMessages, agent_messages = :agentMessages, rating = :rating,"
                + " version = :version WHERE chat_id = :chatId";
    }

    @Override
    public SqlParameterSource parameters(AnalyticsChat chat) {
        return new MapSqlParameterSource()
                .addValue("chatId", chat.chatId)
                .addValue("category", chat.category)
                .addValue("priority", chat.priority)
                .addValue("startedAt", timestamp(chat.startedAt))
                .addValue("startedDay", chat.startedDay())
                .addValue("firstCustomerMessageAt", timestamp(chat.firstCustomerMessageAt))
                .addValue("firstAgentMessageAt", timestamp(chat.firstAgentMessageAt))
                .addValue("firstResponderId", chat.firstResponderId)
                .addValue("firstResponseSeconds", chat.firstResponseSeconds, java.sql.Types.DOUBLE)
                .addValue("firstResolvedAt", timestamp(chat.firstResolvedAt))
                .addValue("resolutionSeconds", chat.resolutionSeconds, java.sql.Types.DOUBLE)
                .addValue("closedAt", timestamp(chat.closedAt))
                .addValue("agentId", chat.agentId)
                .addValue("customerMessages", chat.customerMessages)
                .addValue("agentMessages", chat.agentMessages)
                .addValue("rating", chat.rating, java.sql.Types.INTEGER)
                .addValue("version", chat.version);
    }
}
