package io.parley.shared.query;

import io.parley.shared.Actor;

/** The message at {@code seq} of a chat, once the history reflects {@code minVersion}. */
public record FetchMessageQuery(String chatId, long seq, Actor viewer, long minVersion) {
}
