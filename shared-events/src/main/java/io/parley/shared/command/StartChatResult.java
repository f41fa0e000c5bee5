package io.parley.shared.command;

/**
 * The chat a start led to, whether it existed already, and the aggregate version to read it at. {@code state} is
 * null for an existing chat: nothing was loaded or changed.
 */
public record StartChatResult(String chatId, boolean existing, long version, ChatState state)
        implements ChatState.Carrier {
}
