package io.parley.shared.command;

/** The stored message a send resulted in; {@code duplicate} when a retry found the original. */
public record MessageAccepted(String chatId, String messageId, long seq, boolean duplicate, long version) {
}
