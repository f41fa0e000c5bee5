package io.parley.shared.query;

import io.parley.shared.Actor;

/**
 * One chat as {@code viewer} may see it (NOT_FOUND otherwise). {@code minVersion}: the aggregate version the
 * caller just wrote; the answer waits briefly until the read models reflect it (read-your-writes). 0: no wait.
 */
public record FetchChatQuery(String chatId, Actor viewer, long minVersion) {
}
