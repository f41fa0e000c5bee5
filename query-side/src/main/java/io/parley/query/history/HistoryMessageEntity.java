package io.parley.query.history;

import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.event.Attachment;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One message of a chat's history, exactly as sent, with when the other side first read it. The projection
 * writes it with JDBC (HistoryWrites); the history queries read it with JPA.
 */
@Entity
@Table(name = "history_message")
@IdClass(HistoryMessageKey.class)
class HistoryMessageEntity {

    @Id
    String chatId;
    @Id
    long seq;
    String messageId;
    String senderId;
    @Enumerated(EnumType.STRING)
    Role senderRole;
    /** Null for system notices, which belong to neither side and are never "read". */
    @Enumerated(EnumType.STRING)
    Side senderSide;
    String senderName;
    String content;
    @Convert(converter = AttachmentsConverter.class)
    @Column(name = "attachment_ids")
    List<Attachment> attachments;
    String clientMessageId;
    Instant createdAt;
    Instant readAt;

    protected HistoryMessageEntity() {
        // for JPA
    }

    HistoryMessageEntity(String chatId, long seq, Role senderRole) {
        this.chatId = chatId;
        this.seq = seq;
        this.senderRole = senderRole;
        this.senderSide = senderRole == null ? null : senderRole.side().orElse(null);
    }
}
