package io.parley.shared.command;

import io.parley.shared.query.MessageView;

/**
 * The stored message a send resulted in; {@code duplicate} when a retry found the original. {@code message} is the
 * message as its event stored it (null for a duplicate: the chat keeps no bodies), so a sender is answered from
 * the commit, not from a read model.
 */
public record MessageAccepted(String chatId, String messageId, long seq, boolean duplicate, long version,
                              MessageView message, ChatState state) implements ChatState.Carrier {
}
