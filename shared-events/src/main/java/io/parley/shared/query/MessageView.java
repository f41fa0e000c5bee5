package io.parley.shared.query;

import io.parley.shared.Role;
import io.parley.shared.event.Attachment;
import io.parley.shared.event.MessageSentEvent;

import java.time.Instant;
import java.util.List;

/** A message as the contract shows it; {@code senderType} is user, guest, agent or system. */
public record MessageView(String id,
                          String chatId,
                          long seq,
                          String senderId,
                          String senderType,
                          String senderName,
                          String content,
                          List<MediaView> attachments,
                          String clientMessageId,
                          Instant createdAt,
                          Instant readAt) {

    /** The message exactly as its event stored it, before anyone read it: what acks and pushes carry. */
    public static MessageView of(MessageSentEvent event) {
        return new MessageView(event.messageId(), event.chatId(), event.seq(), event.senderId(),
                senderType(event.senderRole()), event.senderName(), event.content() == null ? "" : event.content(),
                attachments(event.attachments()), event.clientMessageId(), event.sentAt(), null);
    }

    /** The contract knows user, guest, agent and system senders: an admin answers as an agent. */
    public static String senderType(Role role) {
        if (role == null) return Role.SYSTEM.wire();
        return role == Role.ADMIN ? Role.AGENT.wire() : role.wire();
    }

    /** Each attachment with its metadata as the event recorded it. */
    public static List<MediaView> attachments(List<Attachment> attachments) {
        if (attachments == null) return List.of();
        return attachments.stream().map(MediaView::of).toList();
    }
}
