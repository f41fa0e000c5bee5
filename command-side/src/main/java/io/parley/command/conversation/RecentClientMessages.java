package io.parley.command.conversation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The bounded window of recent (sender, clientMessageId) pairs that makes sends idempotent: a retry within the
 * last {@value #CAPACITY} messages of a chat finds its original instead of appending again.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RecentClientMessages {
    static final int CAPACITY = 1000;

    /** Oldest first; the map below is rebuilt from it, so only this list is stored in snapshots. */
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final transient Map<String, Entry> index = new HashMap<>();

    record Entry(String senderId, String clientMessageId, String messageId, long seq) {
    }

    Entry find(String senderId, String clientMessageId) {
        if (clientMessageId == null) return null;
        if (index.size() != entries.size()) rebuildIndex();
        return index.get(key(senderId, clientMessageId));
    }

    void remember(String senderId, String clientMessageId, String messageId, long seq) {
        if (clientMessageId == null) return;
        if (index.size() != entries.size()) rebuildIndex();
        Entry entry = new Entry(senderId, clientMessageId, messageId, seq);
        entries.addLast(entry);
        index.put(key(senderId, clientMessageId), entry);
        while (entries.size() > CAPACITY) {
            Entry evicted = entries.removeFirst();
            index.remove(key(evicted.senderId(), evicted.clientMessageId()));
        }
    }

    private void rebuildIndex() {
        index.clear();
        entries.forEach(e -> index.put(key(e.senderId(), e.clientMessageId()), e));
    }

    private static String key(String senderId, String clientMessageId) {
        return senderId + '\u0000' + clientMessageId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentClientMessages r && new ArrayList<>(entries).equals(new ArrayList<>(r.entries));
    }

    @Override
    public int hashCode() {
        return new ArrayList<>(entries).hashCode();
    }
}
