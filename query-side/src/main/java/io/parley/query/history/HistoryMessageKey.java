package io.parley.query.history;

import java.io.Serializable;
import java.util.Objects;

/** A message's place: its chat and its seq there. */
class HistoryMessageKey implements Serializable {
    String chatId;
    long seq;

    protected HistoryMessageKey() {
        // for JPA
    }

    HistoryMessageKey(String chatId, long seq) {
        this.chatId = chatId;
        this.seq = seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryMessageKey k && seq == k.seq && Objects.equals(chatId, k.chatId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chatId, seq);
    }
}
