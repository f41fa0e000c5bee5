package io.parley.shared.query;

/**
 * One chat as each side sees it, from one read once the read models reflect {@code minVersion}: what the realtime
 * projector pushes as {@code inboxUpdate}. For the system only; no endpoint asks it.
 */
public record FetchChatSidesQuery(String chatId, long minVersion) {
}
