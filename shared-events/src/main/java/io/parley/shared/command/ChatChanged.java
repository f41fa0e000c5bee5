package io.parley.shared.command;

/** Result of assign, status and close: the chat and the aggregate version that reflects the change. */
public record ChatChanged(String chatId, long version, ChatState state) implements ChatState.Carrier {
}
