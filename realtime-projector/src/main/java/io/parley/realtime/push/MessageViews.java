package io.parley.realtime.push;

import io.parley.shared.Role;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.query.MediaView;
import io.parley.shared.query.MessageView;

import java.util.List;

/** The contract's message built from the event itself, exactly as the history read model shows it. */
final class MessageViews {
    private MessageViews() {
    }

    static MessageView of(MessageSentEvent event) {
        return new MessageView(event.messageId(), event.chatId(), event.seq(), event.senderId(),
                senderType(event.senderRole()), event.senderName(), event.content() == null ? "" : event.content(),
                attachments(event.attachmentIds()), event.clientMessageId(), event.sentAt(), null);
    }

    /** user, guest, agent or system: an admin answers as an agent. */
    static String senderType(Role role) {
        if (role == null) return Role.SYSTEM.wire();
        return role == Role.ADMIN ? Role.AGENT.wire() : role.wire();
    }

    private static List<MediaView> attachments(List<String> ids) {
        if (ids == null) return List.of();
        return ids.stream().map(id -> new MediaView(id, null, null, 0, "/api/media/" + id)).toList();
    }
}
