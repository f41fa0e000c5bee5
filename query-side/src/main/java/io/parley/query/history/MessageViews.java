package io.parley.query.history;

import io.parley.shared.Role;
import io.parley.shared.query.MediaView;
import io.parley.shared.query.MessageView;

import java.util.List;

/** Turns stored messages into the contract's message shape. */
final class MessageViews {
    private MessageViews() {
    }

    static MessageView of(HistoryMessageEntity m) {
        return new MessageView(m.messageId, m.chatId, m.seq, m.senderId, senderType(m.senderRole), m.senderName,
                m.content, attachments(m.attachmentIds), m.clientMessageId, m.createdAt, m.readAt);
    }

    /** The contract knows user, guest, agent and system senders: an admin answers as an agent. */
    static String senderType(Role role) {
        if (role == null) return Role.SYSTEM.wire();
        return switch (role) {
            case ADMIN -> Role.AGENT.wire();
            default -> role.wire();
        };
    }

    /** Only ids are known until media has its own read model; the URL is where the bytes are served. */
    static List<MediaView> attachments(List<String> ids) {
        if (ids == null) return List.of();
        return ids.stream().map(id -> new MediaView(id, null, null, 0, "/api/media/" + id)).toList();
    }
}
