package io.parley.query.history;

import io.parley.shared.Role;
import io.parley.shared.Side;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.List;

/** One message of a chat's history, exactly as sent, with when the other side first read it. */
@Entity
@Table(name = "history_message")
@IdClass(HistoryMessageKey.class)
class HistoryMessageEntity implements Persistable<HistoryMessageKey> {

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
    @Convert(converter = AttachmentIdsConverter.class)
    List<String> attachmentIds;
    String clientMessageId;
    Instant createdAt;
    Instant readAt;

    @Transient
    private boolean fresh;

    protected HistoryMessageEntity() {
        // for JPA
    }

    HistoryMessageEntity(String chatId, long seq, Role senderRole) {
        this.chatId = chatId;
        this.seq = seq;
        this.senderRole = senderRole;
        this.senderSide = senderRole == null ? null : senderRole.side().orElse(null);
        this.fresh = true;
    }

    /**
     * The reader's side has now read up to {@code upToSeq}: a message of the other side that was unread until
     * now gets read at {@code at}. Returns whether this message changed.
     */
    boolean readBy(Side reader, long upToSeq, Instant at) {
        if (senderSide == null || senderSide == reader || seq > upToSeq || readAt != null) return false;
        readAt = at;
        return true;
    }

    @Override
    public HistoryMessageKey getId() {
        return new HistoryMessageKey(chatId, seq);
    }

    /** Built by the projection, never loaded: saving it inserts without asking the database first. */
    @Override
    public boolean isNew() {
        return fresh;
    }
}
