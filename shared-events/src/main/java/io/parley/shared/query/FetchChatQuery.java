package io.parley.shared.query;

import io.parley.shared.Actor;

/**
 * One chat as {@code viewer} may see it (NOT_FOUND otherwise). {@code minVersion}: the aggregate version the
 * caller just wrote; the answer waits briefly until the read models reflect it (read-your-writes). 0: no wait.
 * {@code lateIsError}: when the wait times out, fail with {@link io.parley.shared.error.ReadModelLateException}
 * rather than answer with an older chat (or none), so a writer can answer from its events instead.
 */
public record FetchChatQuery(String chatId, Actor viewer, long minVersion, boolean lateIsError) {

    /** A reader's query: a late read model answers with what it has. */
    public FetchChatQuery(String chatId, Actor viewer, long minVersion) {
        this(chatId, viewer, minVersion, false);
    }
}
