package io.parley.shared.query;

import io.parley.shared.Actor;

/**
 * Messages of a chat ascending by seq: after {@code afterSeq} and/or before {@code beforeSeq} (null: unbounded);
 * without afterSeq, the latest {@code limit}. Waits for {@code minVersion} like {@link FetchChatQuery}.
 */
public record FetchMessagesQuery(String chatId, Actor viewer, Long afterSeq, Long beforeSeq, int limit,
                                 long minVersion) {
}
