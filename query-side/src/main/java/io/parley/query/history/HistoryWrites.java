package io.parley.query.history;

import io.parley.query.projection.PendingWrites;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.RowTable;
import io.parley.query.projection.Rows;
import io.parley.shared.Side;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.parley.query.projection.SqlValues.name;
import static io.parley.query.projection.SqlValues.timestamp;

/**
 * What the history projection writes for one batch of events: the chats' rows, the new messages, and the read
 * stamps. At the commit the messages are inserted before the stamps, which only ever cover messages sent
 * before the read.
 */
final class HistoryWrites implements PendingWrites {
    private static final AttachmentsConverter ATTACHMENTS = new AttachmentsConverter();
    private static final String INSERT_MESSAGE = "INSERT INTO history_message (chat_id, seq, message_id, sender_id,"
            + " sender_role, sender_side, sender_name, content, attachment_ids, client_message_id, created_at,"
            + " read_at) VALUES (:chatId, :seq, :messageId, :senderId, :senderRole, :senderSide, :senderName,"
            + " :content, :attachmentIds, :clientMessageId, :createdAt, :readAt)";
    /** The other side's messages a read pointer newly covers: a primary-key range, however long the chat. */
    private static final String STAMP_READ = "UPDATE history_message SET read_at = :readAt WHERE chat_id = :chatId"
            + " AND seq > :afterSeq AND seq <= :upToSeq AND sender_side = :senderSide AND read_at IS NULL";

    final Rows<HistoryChatEntity> chats;
    private final List<SqlParameterSource> messages = new ArrayList<>();
    private final List<SqlParameterSource> stamps = new ArrayList<>();

    HistoryWrites(ProjectionBatches batches) {
        this.chats = new Rows<>(ChatTable.TABLE, batches);
    }

    void insert(HistoryMessageEntity message) {
        messages.add(new MapSqlParameterSource()
                .addValue("chatId", message.chatId)
                .addValue("seq", message.seq)
                .addValue("messageId", message.messageId)
                .addValue("senderId", message.senderId)
                .addValue("senderRole", name(message.senderRole))
                .addValue("senderSide", name(message.senderSide))
                .addValue("senderName", message.senderName)
                .addValue("content", message.content)
                .addValue("attachmentIds", ATTACHMENTS.convertToDatabaseColumn(message.attachments))
                .addValue("clientMessageId", message.clientMessageId)
                .addValue("createdAt", timestamp(message.createdAt))
                .addValue("readAt", timestamp(message.readAt)));
    }

    /** Stamps {@code at} on the other side's unread messages in (afterSeq, upToSeq]. */
    void stampRead(String chatId, Side reader, long afterSeq, long upToSeq, Instant at) {
        stamps.add(new MapSqlParameterSource()
                .addValue("chatId", chatId)
                .addValue("afterSeq", afterSeq)
                .addValue("upToSeq", upToSeq)
                .addValue("senderSide", reader.other().name())
                .addValue("readAt", timestamp(at)));
    }

    @Override
    public void flush(NamedParameterJdbcTemplate jdbc) {
        chats.flush(jdbc);
        if (!messages.isEmpty()) jdbc.batchUpdate(INSERT_MESSAGE, messages.toArray(SqlParameterSource[]::new));
        if (!stamps.isEmpty()) jdbc.batchUpdate(STAMP_READ, stamps.toArray(SqlParameterSource[]::new));
        messages.clear();
        stamps.clear();
    }

    /** The history_chat table: how far each chat's history is projected. */
    private static final class ChatTable implements RowTable<HistoryChatEntity> {
        static final ChatTable TABLE = new ChatTable();

        @Override
        public String select() {
            return "SELECT chat_id, last_seq, version, customer_read_seq, staff_read_seq FROM history_chat"
                    + " WHERE chat_id IN (:ids)";
        }

        @Override
        public RowMapper<HistoryChatEntity> mapper() {
            return (row, n) -> {
                HistoryChatEntity chat = new HistoryChatEntity(row.getString("chat_id"), row.getLong("version"));
                chat.lastSeq = row.getLong("last_seq");
                chat.customerReadSeq = row.getLong("customer_read_seq");
                chat.staffReadSeq = row.getLong("staff_read_seq");
                return chat;
            };
        }

        @Override
        public String chatIdOf(HistoryChatEntity row) {
            return row.chatId;
        }

        @Override
        public String insert() {
            return "INSERT INTO history_chat (chat_id, last_seq, version, customer_read_seq, staff_read_seq)"
                    + " VALUES (:chatId, :lastSeq, :version, :customerReadSeq, :staffReadSeq)";
        }

        @Override
        public String update() {
            return "UPDATE history_chat SET last_seq = :lastSeq, version = :version,"
                    + " customer_read_seq = :customerReadSeq, staff_read_seq = :staffReadSeq WHERE chat_id = :chatId";
        }

        @Override
        public SqlParameterSource parameters(HistoryChatEntity chat) {
            return new MapSqlParameterSource()
                    .addValue("chatId", chat.chatId)
                    .addValue("lastSeq", chat.lastSeq)
                    .addValue("version", chat.version)
                    .addValue("customerReadSeq", chat.customerReadSeq)
                    .addValue("staffReadSeq", chat.staffReadSeq);
        }
    }
}
