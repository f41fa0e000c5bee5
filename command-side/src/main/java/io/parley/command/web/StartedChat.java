package io.parley.command.web;

import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;

import java.util.List;

/** Answer of a chat start: the chat, its messages, and whether it was the customer's existing active chat. */
public record StartedChat(ChatView chat, List<MessageView> messages, boolean isExisting) {
}
