package io.parley.realtime.push;

import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.command.ChatState;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.CustomerView;

/** The staff's view of a chat that has just started, made of its start event and first message. */
final class NewChats {
    static final String DEFAULT_CATEGORY = "general";

    private NewChats() {
    }

    static ChatView of(ChatStartedEvent started, PushBatch.ChatPushes chat, ChatState state) {
        String category = started.category() == null || started.category().isBlank() ? DEFAULT_CATEGORY
                : started.category();
        Priority priority = started.priority() == null ? Priority.MEDIUM : started.priority();
        Role customerRole = started.customerRole() == null ? Role.USER : started.customerRole();
        var updatedAt = chat.lastMessage == null ? started.startedAt() : chat.lastMessage.createdAt();
        return new ChatView(started.chatId(), started.ticketNumber(), started.subject(), state.status().wire(),
                priority.wire(), category, new CustomerView(started.customerId(), started.customerName(),
                started.customerEmail(), customerRole.wire()), null, started.startedAt(), updatedAt,
                chat.lastMessage, state.unreadFor(Side.STAFF), null, null, null);
    }
}
