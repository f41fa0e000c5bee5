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
 * given aggregate version of the chat. Projections run behind the event store, usually by milliseconds.
 */
@Component
public class ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_MILLIS = 5;

    private final List<ToLongFunction<String>> versions;
    private final Duration timeout;

    @Autowired
    ReadYourWrites(InboxChats inbox, HistoryMessages history, UnreadChats unread, QuerySideProperties properties) {
        this(List.of(inbox::version, history::version, unread::version), properties.readYourWritesTimeout());
    }

    ReadYourWrites(List<ToLongFunction<String>> versions, Duration timeout) {
        this.versions = List.copyOf(versions);
        this.timeout = timeout;
    }

    /**
     * Returns once all read models reflect {@code minVersion} of the chat (true), or when the timeout passed
     * (false): then the caller answers with what is there rather than fail a read. 0 or less: no wait.
     */
    public boolean await(String chatId, long minVersion) {
        if (minVersion <= 0) return true;
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ToLongFunction<String>> behind = new ArrayList<>(versions);
        while (true) {
            // A model once caught up stays so (versions only grow), so each poll asks only the laggards.
            behind.removeIf(version -> version.applyAsLong(chatId) >= minVersion);
            if (behind.isEmpty()) return true;
            if (System.nanoTime() >= deadline) break;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.warn("read models of chat {} did not reach version {} within {}; answering with what is there",
                chatId, minVersion, timeout);
        return false;
    }
}
