package io.parley.query.chat;

import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes whoever waits for a chat's read models ({@link ReadYourWrites}) when a projection of this node commits
 * events of that chat, so a waiting request re-reads the versions once per commit instead of polling the
 * database. Only chats someone waits for are held here.
 */
@Component
public class ProjectionSignals {

    /** The waiters of one chat and how many commits of it they were told about. */
    static final class Waiters {
        private int count;
        private long commits;

        synchronized long commits() {
            return commits;
        }

        /** Waits until a commit after {@code seen}, or {@code millis} passed. */
        synchronized void awaitCommitAfter(long seen, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (commits == seen) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return;
                wait(left);
            }
        }

        private synchronized void committed() {
            commits++;
            notifyAll();
        }
    }

    private final ConcurrentMap<String, Waiters> waiting = new ConcurrentHashMap<>();
    /** Until the segment balancer has counted the nodes, assume others may project too. */
    private volatile boolean alone;

    /** How many nodes share the projections' segments, as the segment balancer last counted them. */
    public void nodesSharingProjections(int nodes) {
        alone = nodes <= 1;
    }

    /** True when every projection commit happens on this node, so its signals alone tell of every commit. */
    boolean onlyThisNodeProjects() {
        return alone;
    }

    /** Called after a projection's transaction with events of the chat committed. */
    public void committed(String chatId) {
        Waiters waiters = waiting.get(chatId);
        if (waiters != null) waiters.committed();
    }

    Waiters join(String chatId) {
        return waiting.compute(chatId, (id, w) -> {
            Waiters joined = w == null ? new Waiters() : w;
            joined.count++;
            return joined;
        });
    }

    void leave(String chatId) {
        waiting.computeIfPresent(chatId, (id, w) -> --w.count == 0 ? null : w);
    }
}
