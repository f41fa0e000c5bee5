package io.parley.shared.command;

/** The chat a start led to, whether it existed already, and the aggregate version to read it at. */
public record StartChatResult(String chatId, boolean existing, long version) {
}
