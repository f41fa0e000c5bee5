package io.parley.query.chat;

import io.parley.query.inbox.InboxChat;
import io.parley.query.unread.ChatPointers;
import io.parley.shared.Actor;
import io.parley.shared.Side;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.CustomerView;
import io.parley.shared.query.MessageView;

/** Composes the contract's chat from the inbox row, the last message and the read pointers. */
final class ChatViews {
    private ChatViews() {
    }

    /** {@code unreadCount} is for the viewer's side; auditors have no side and see 0. */
    static ChatView of(InboxChat chat, MessageView lastMessage, ChatPointers pointers, Actor viewer) {
        return of(chat, lastMessage, pointers, viewer, null);
    }

    /** {@code queuePosition}: 1 = next while the chat waits for auto-assignment, else null. */
    static ChatView of(InboxChat chat, MessageView lastMessage, ChatPointers pointers, Actor viewer,
                       Integer queuePosition) {
        return of(chat, lastMessage, pointers, viewer == null || viewer.role() == null ? null
                : viewer.role().side().orElse(null), queuePosition);
    }

    /** {@code unreadCount} is for {@code side}; none (null) sees 0. */
    static ChatView of(InboxChat chat, MessageView lastMessage, ChatPointers pointers, Side side) {
        return of(chat, lastMessage, pointers, side, null);
    }

    private static ChatView of(InboxChat chat, MessageView lastMessage, ChatPointers pointers, Side side,
                               Integer queuePosition) {
        long unread = pointers == null || side == null ? 0 : pointers.unread(side);
        AgentRef agent = chat.agentId() == null ? null : new AgentRef(chat.agentId(), chat.agentName());
        return new ChatView(chat.chatId(), chat.ticketNumber(), chat.subject(), chat.status().wire(),
                chat.priority().wire(), chat.category(),
                new CustomerView(chat.customerId(), chat.customerName(), chat.customerEmail(), chat.customerType()),
                agent, chat.createdAt(), chat.updatedAt(), lastMessage, unread, chat.resolvedAt(), chat.closedAt(),
                chat.resolutionSummary(), chat.tags(), chat.rating(), queuePosition);
    }
}
