package io.parley.query.chat;

import io.parley.query.config.QuerySideProperties;
import io.parley.query.history.HistoryMessages;
import io.parley.query.inbox.InboxChats;
import io.parley.query.unread.UnreadChats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Lets a caller read what it has just written: waits until every read model a chat view is made of reflects a
 * given aggregate version of the chat. Projections run behind the event store, usually by milliseconds. The
 * versions are re-read when a projection of this node commits the chat ({@link ProjectionSignals}), and at
 * least every {@link #RECHECK_MILLIS} for projections running on another node.
 */
@Component
public class ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    static final long RECHECK_MILLIS = 10;
    /** Alone, commit signals wake every waiter; the re-read is only a safety net. */
    static final long SOLO_RECHECK_MILLIS = 250;

    private final List<ToLongFunction<String>> versions;
    private final Duration timeout;
    private final ProjectionSignals signals;
    private final long recheckMillis;
    private final long soloRecheckMillis;

    @Autowired
    ReadYourWrites(InboxChats inbox, HistoryMessages history, UnreadChats unread, QuerySideProperties properties,
                   ProjectionSignals signals) {
        this(List.of(inbox::version, history::version, unread::version), properties.readYourWritesTimeout(),
                signals, Duration.ofMillis(RECHECK_MILLIS), Duration.ofMillis(SOLO_RECHECK_MILLIS));
    }

    /**
     * {@code recheck}: how often a waiter re-reads without a signal while other nodes may project (their commits
     * signal nothing here); {@code soloRecheck}: the same when this node runs every projection segment.
     */
    ReadYourWrites(List<ToLongFunction<String>> versions, Duration timeout, ProjectionSignals signals,
                   Duration recheck, Duration soloRecheck) {
        this.versions = List.copyOf(versions);
        this.timeout = timeout;
        this.signals = signals;
        this.recheckMillis = recheck.toMillis();
        this.soloRecheckMillis = soloRecheck.toMillis();
    }

    /** Whether every read model already reflects {@code minVersion} of the chat: one read each, no wait. */
    public boolean caughtUp(String chatId, long minVersion) {
        return minVersion <= 0 || versions.stream().allMatch(version -> version.applyAsLong(chatId) >= minVersion);
    }

    /**
     * Returns once all read models reflect {@code minVersion} of the chat (true), or when the timeout passed
     * (false): then the caller answers with what is there rather than fail a read. 0 or less: no wait.
     */
    public boolean await(String chatId, long minVersion) {
        if (minVersion <= 0) return true;
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ToLongFunction<String>> behind = new ArrayList<>(versions);
        ProjectionSignals.Waiters commits = signals.join(chatId);
        try {
            while (true) {
                // Read the commit count first: a commit landing between the check and the wait is not missed.
                long seen = commits.commits();
                // A model once caught up stays so (versions only grow), so each check asks only the laggards.
                behind.removeIf(version -> version.applyAsLong(chatId) >= minVersion);
                if (behind.isEmpty()) return true;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) break;
                long recheck = signals.onlyThisNodeProjects() ? soloRecheckMillis : recheckMillis;
                commits.awaitCommitAfter(seen, Math.min(left, recheck));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            signals.leave(chatId);
        }
        log.warn("read models of chat {} did not reach version {} within {}; answering with what is there",
                chatId, minVersion, timeout);
        return false;
    }
}
