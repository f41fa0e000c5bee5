package io.parley.server.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last committed chain link of recently written chats, so that appending to a busy chat needs no read of its
 * previous hash. Bounded (least recently used out); a link is used only if it is exactly the one before the first
 * new event, so a chat that another node wrote to meanwhile is read from the table instead.
 */
final class ChainHeads {
    private final Map<String, Head> heads;

    ChainHeads(int capacity) {
        this.heads = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The hash of {@code chatId}'s event at {@code sequence}, if that is the last link known here; else null. */
    synchronized String hashAt(String chatId, long sequence) {
        Head head = heads.get(chatId);
        return head != null && head.sequence() == sequence ? head.hash() : null;
    }

    /** Called once the link is committed, never before: a rolled-back link must not be built on. */
    synchronized void committed(String chatId, long sequence, String hash) {
        Head head = heads.get(chatId);
        if (head == null || head.sequence() < sequence) heads.put(chatId, new Head(sequence, hash));
    }

    private record Head(long sequence, String hash) {
    }
}
