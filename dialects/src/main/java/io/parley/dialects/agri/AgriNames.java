package io.parley.dialects.agri;

import io.parley.shared.query.ChatView;
import io.parley.shared.query.MediaView;
import io.parley.shared.query.MessageView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Seed 001's names for Parley's, in one place (the table in docs/dialects.md): {@code conversationId}/{@code _id}
 * = chat id, {@code mediaId} = the one attachment (sent as an id, pushed as {@code {_id, url, name, format, size}}),
 * {@code messageType} = text without attachment or the attachment's kind, {@code isRead} = readAt set,
 * {@code assignedSupportId} = assignedAgent.id, {@code user} = customer.
 */
final class AgriNames {
    static final Set<String> MESSAGE_TYPES = Set.of("text", "image", "video", "audio", "file");

    private AgriNames() {
    }

    static String messageType(List<MediaView> attachments) {
        if (attachments == null || attachments.isEmpty()) return "text";
        String type = attachments.get(0).contentType() == null ? "" : attachments.get(0).contentType()
                .toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) return "image";
        if (type.startsWith("video/")) return "video";
        if (type.startsWith("audio/")) return "audio";
        return "file";
    }

    static Map<String, Object> media(MediaView media) {
        if (media == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", media.id());
        out.put("url", media.url());
        out.put("name", media.name());
        out.put("format", media.contentType());
        out.put("size", media.size());
        return out;
    }

    static Map<String, Object> message(MessageView m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", m.id());
        out.put("conversationId", m.chatId());
        out.put("senderId", m.senderId());
        out.put("senderName", m.senderName());
        out.put("senderType", m.senderType());
        out.put("messageType", messageType(m.attachments()));
        out.put("content", m.content());
        out.put("mediaId", m.attachments().isEmpty() ? null : media(m.attachments().get(0)));
        out.put("seq", m.seq());
        out.put("isRead", m.readAt() != null);
        out.put("createdAt", m.createdAt());
        return out;
    }

    static Map<String, Object> conversation(ChatView chat) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("_id", chat.customer().id());
        user.put("name", chat.customer().name());
        user.put("email", chat.customer().email());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", chat.id());
        out.put("ticketNumber", chat.ticketNumber());
        out.put("user", user);
        out.put("assignedSupportId", chat.assignedAgent() == null ? null : chat.assignedAgent().id());
        out.put("assignedSupportName", chat.assignedAgent() == null ? null : chat.assignedAgent().name());
        out.put("status", chat.status());
        out.put("subject", chat.subject());
        out.put("lastMessage", chat.lastMessage() == null ? null : message(chat.lastMessage()));
        out.put("unreadCount", chat.unreadCount());
        out.put("createdAt", chat.createdAt());
        out.put("updatedAt", chat.updatedAt());
        return out;
    }
}
