package io.parley.query.inbox;

import io.parley.query.projection.RowTable;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.Types;

import static io.parley.query.projection.SqlValues.enumOf;
import static io.parley.query.projection.SqlValues.instant;
import static io.parley.query.projection.SqlValues.name;
import static io.parley.query.projection.SqlValues.timestamp;

/** The inbox_chat table as the inbox projection writes it with JDBC (the inbox queries read it with JPA). */
final class InboxRows implements RowTable<InboxChatEntity> {
    static final InboxRows TABLE = new InboxRows();

    /** The columns of a row as the inbox hands it out; not the search document, which only the listing reads. */
    static final String COLUMNS = "chat_id, ticket_number, subject, category, priority, status, customer_id,"
            + " customer_type, customer_name, customer_email, agent_id, agent_name, created_at, updated_at,"
            + " resolved_at, closed_at, resolution_summary, tags, rating_score, rating_comment, rated_at, last_seq,"
            + " version, queued_at";

    private InboxRows() {
    }

    @Override
    public String select() {
        return "SELECT " + COLUMNS + " FROM inbox_chat WHERE chat_id IN (:ids)";
    }

    @Override
    public RowMapper<InboxChatEntity> mapper() {
        return (row, n) -> {
            InboxChatEntity chat = new InboxChatEntity();
            chat.chatId = row.getString("chat_id");
            chat.ticketNumber = row.getString("ticket_number");
            chat.subject = row.getString("subject");
            chat.category = row.getString("category");
            chat.priority = enumOf(Priority.class, row.getString("priority"));
            chat.status = enumOf(ChatStatus.class, row.getString("status"));
            chat.customerId = row.getString("customer_id");
            chat.customerType = row.getString("customer_type");
            chat.customerName = row.getString("customer_name");
            chat.customerEmail = row.getString("customer_email");
            chat.agentId = row.getString("agent_id");
            chat.agentName = row.getString("agent_name");
            chat.createdAt = instant(row, "created_at");
            chat.updatedAt = instant(row, "updated_at");
            chat.resolvedAt = instant(row, "resolved_at");
            chat.closedAt = instant(row, "closed_at");
            chat.resolutionSummary = row.getString("resolution_summary");
            chat.tags = row.getString("tags");
            int score = row.getInt("rating_score");
            chat.ratingScore = row.wasNull() ? null : score;
            chat.ratingComment = row.getString("rating_comment");
            chat.ratedAt = instant(row, "rated_at");
            chat.lastSeq = row.getLong("last_seq");
            chat.version = row.getLong("version");
            chat.queuedAt = instant(row, "queued_at");
            return chat;
        };
    }

    @Override
    public String chatIdOf(InboxChatEntity row) {
        return row.chatId;
    }

    @Override
    public String insert() {
        return "INSERT INTO inbox_chat (" + COLUMNS + ", search_fields) VALUES (:chatId, :ticketNumber, :subject,"
                + " :category, :priority, :status, :customerId, :customerType, :customerName, :customerEmail, :agentId,"
                + " :agentName, :createdAt, :updatedAt, :resolvedAt, :closedAt, :resolutionSummary, :tags,"
                + " :ratingScore, :ratingComment, :ratedAt, :lastSeq, :version, :queuedAt, :searchFields)";
    }

    @Override
    public String update() {
        // Only what events change: the customer, ticket and creation time are written once.
        return "UPDATE inbox_chat SET subject = :subject, category = :category, priority = :priority, status = :status,"
                + " agent_id = :agentId, agent_name = :agentName, updated_at = :updatedAt,"
                + " resolved_at = :resolvedAt, closed_at = :closedAt, resolution_summary = :resolutionSummary,"
                + " tags = :tags, rating_score = :ratingScore, rating_comment = :ratingComment, rated_at = :ratedAt,"
                + " last_seq = :lastSeq, version = :version, queued_at = :queuedAt, search_fields = :searchFields"
                + " WHERE chat_id = :chatId";
    }

    @Override
    public SqlParameterSource parameters(InboxChatEntity chat) {
        return new MapSqlParameterSource()
                .addValue("chatId", chat.chatId)
                .addValue("ticketNumber", chat.ticketNumber)
                .addValue("subject", chat.subject)
                .addValue("category", chat.category)
                .addValue("priority", name(chat.priority))
                .addValue("status", name(chat.status))
                .addValue("customerId", chat.customerId)
                .addValue("customerType", chat.customerType)
                .addValue("customerName", chat.customerName)
                .addValue("customerEmail", chat.customerEmail)
                .addValue("agentId", chat.agentId)
                .addValue("agentName", chat.agentName)
                .addValue("createdAt", timestamp(chat.createdAt))
                .addValue("updatedAt", timestamp(chat.updatedAt))
                .addValue("resolvedAt", timestamp(chat.resolvedAt))
                .addValue("closedAt", timestamp(chat.closedAt))
                .addValue("resolutionSummary", chat.resolutionSummary)
                .addValue("tags", chat.tags)
                .addValue("ratingScore", chat.ratingScore, Types.INTEGER)
                .addValue("ratingComment", chat.ratingComment)
                .addValue("ratedAt", timestamp(chat.ratedAt))
                .addValue("lastSeq", chat.lastSeq)
                .addValue("version", chat.version)
                .addValue("queuedAt", timestamp(chat.queuedAt))
                .addValue("searchFields", chat.searchFields());
    }
}
