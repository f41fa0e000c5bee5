package io.parley.bench.bare;

/** A stored message as the bare baseline acknowledges and pushes it: the fields of Parley's message it needs. */
public record BareMessage(String id, String chatId, long seq, String senderId, String content,
                          String clientMessageId, String createdAt) {
}
