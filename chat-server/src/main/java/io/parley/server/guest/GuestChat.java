package io.parley.server.guest;

import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;

import java.util.List;

/** Answer of a guest start: the chat plus the guest identity and the token that keeps it. */
public record GuestChat(ChatView chat, List<MessageView> messages, String guestId, String guestToken,
                        boolean isExisting) {
}
