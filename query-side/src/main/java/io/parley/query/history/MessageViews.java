package io.parley.query.history;

import io.parley.shared.query.MessageView;

/** Turns stored messages into the contract's message shape. */
final class MessageViews {
    private MessageViews() {
    }

    static MessageView of(HistoryMessageEntity m) {
        return new MessageView(m.messageId, m.chatId, m.seq, m.senderId, MessageView.senderType(m.senderRole),
                m.senderName,
                m.content, MessageView.attachments(m.attachments), m.clientMessageId, m.createdAt, m.readAt);
    }
}
