package io.parley.query.history;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How far the history of one chat has been projected: its last seq and the last event applied. */
@Entity
@Table(name = "history_chat")
class HistoryChatEntity {

    @Id
    String chatId;
    long lastSeq;
    long version;

    protected HistoryChatEntity() {
        // for JPA
    }

    HistoryChatEntity(String chatId, long version) {
        this.chatId = chatId;
        this.version = version;
    }

    /** Replays and redeliveries bring events this chat already reflects; those change nothing. */
    boolean isNew(long sequenceNumber) {
        return sequenceNumber > version;
    }
}
