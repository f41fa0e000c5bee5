package io.parley.query.history;

import io.parley.shared.Side;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far the history of one chat has been projected: its last seq, the last event applied, and up to which seq
 * each side has read it.
 */
@Entity
@Table(name = "history_chat")
class HistoryChatEntity {

    @Id
    String chatId;
    long lastSeq;
    long version;
    long customerReadSeq;
    long staffReadSeq;

    protected HistoryChatEntity() {
        // for JPA
    }

    HistoryChatEntity(String chatId, long version) {
        this.chatId = chatId;
        this.version = version;
    }

    long readSeq(Side reader) {
        return reader == Side.CUSTOMER ? customerReadSeq : staffReadSeq;
    }

    void read(Side reader, long upToSeq) {
        if (reader == Side.CUSTOMER) customerReadSeq = Math.max(customerReadSeq, upToSeq);
        else staffReadSeq = Math.max(staffReadSeq, upToSeq);
    }

    /** Replays and redeliveries bring events this chat already reflects; those change nothing. */
    boolean isNew(long sequenceNumber) {
        return sequenceNumber > version;
    }
}
