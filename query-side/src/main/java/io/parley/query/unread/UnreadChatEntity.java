package io.parley.query.unread;

import io.parley.shared.ChatStatus;
import io.parley.shared.Side;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A chat's last seq and each side's read pointer ("has seen up to seq N"), kept by the same rules as the
 * aggregate: so unread = last seq − pointer is what the chat itself would say.
 */
@Entity
@Table(name = "unread_chat")
class UnreadChatEntity {

    @Id
    String chatId;
    String customerId;
    String agentId;
    @Enumerated(EnumType.STRING)
    ChatStatus status;
    long lastSeq;
    long customerPointer;
    long staffPointer;
    long version;

    protected UnreadChatEntity() {
        // for JPA
    }

    UnreadChatEntity(String chatId, String customerId, long version) {
        this.chatId = chatId;
        this.customerId = customerId;
        this.status = ChatStatus.OPEN;
        this.version = version;
    }

    /** Replays and redeliveries bring events this row already reflects; those change nothing. */
    boolean isNew(long sequenceNumber) {
        return sequenceNumber > version;
    }

    /**
     * A message arrived at {@code seq}. Its sender has seen it; a system notice (no side) counts as seen by each
     * side that had seen everything before it, so a notice alone never makes a caught-up side "unread".
     */
    void messageAdded(long seq, Side senderSide) {
        lastSeq = Math.max(lastSeq, seq);
        if (senderSide != null) {
            read(senderSide, seq);
            return;
        }
        for (Side side : Side.values()) {
            if (pointer(side) == seq - 1) read(side, seq);
        }
    }

    /** Reading never goes backwards. */
    void read(Side side, long upToSeq) {
        if (upToSeq <= pointer(side)) return;
        if (side == Side.CUSTOMER) {
            customerPointer = upToSeq;
        } else {
            staffPointer = upToSeq;
        }
    }

    long pointer(Side side) {
        return side == Side.CUSTOMER ? customerPointer : staffPointer;
    }

    ChatPointers toValue() {
        return new ChatPointers(chatId, customerId, agentId, status, lastSeq, customerPointer, staffPointer, version);
    }
}
