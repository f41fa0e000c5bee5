package io.parley.query.unread;

import io.parley.query.projection.RowTable;
import io.parley.shared.ChatStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import static io.parley.query.projection.SqlValues.enumOf;
import static io.parley.query.projection.SqlValues.name;

/** The unread_chat table as the unread projection writes it with JDBC (the unread queries read it with JPA). */
final class UnreadRows implements RowTable<UnreadChatEntity> {
    static final UnreadRows TABLE = new UnreadRows();

    private static final String COLUMNS =
            "chat_id, customer_id, agent_id, status, last_seq, customer_pointer, staff_pointer, version";

    private UnreadRows() {
    }

    @Override
    public String select() {
        return "SELECT " + COLUMNS + " FROM unread_chat WHERE chat_id IN (:ids)";
    }

    @Override
    public RowMapper<UnreadChatEntity> mapper() {
        return (row, n) -> {
            UnreadChatEntity chat = new UnreadChatEntity();
            chat.chatId = row.getString("chat_id");
            chat.customerId = row.getString("customer_id");
            chat.agentId = row.getString("agent_id");
            chat.status = enumOf(ChatStatus.class, row.getString("status"));
            chat.lastSeq = row.getLong("last_seq");
            chat.customerPointer = row.getLong("customer_pointer");
            chat.staffPointer = row.getLong("staff_pointer");
            chat.version = row.getLong("version");
            return chat;
        };
    }

    @Override
    public String chatIdOf(UnreadChatEntity row) {
        return row.chatId;
    }

    @Override
    public String insert() {
        return "INSERT INTO unread_chat (" + COLUMNS + ") VALUES (:chatId, :customerId, :agentId, :status,"
                + " :lastSeq, :customerPointer, :staffPointer, :version)";
    }

    @Override
    public String update() {
        return "UPDATE unread_chat SET agent_id = :agentId, status = :status, last_seq = :lastSeq,"
                + " customer_pointer = :customerPointer, staff_pointer = :staffPointer, version = :version"
                + " WHERE chat_id = :chatId";
    }

    @Override
    public SqlParameterSource parameters(UnreadChatEntity chat) {
        return new MapSqlParameterSource()
                .addValue("chatId", chat.chatId)
                .addValue("customerId", chat.customerId)
                .addValue("agentId", chat.agentId)
                .addValue("status", name(chat.status))
                .addValue("lastSeq", chat.lastSeq)
                .addValue("customerPointer", chat.customerPointer)
                .addValue("staffPointer", chat.staffPointer)
                .addValue("version", chat.version);
    }
}
