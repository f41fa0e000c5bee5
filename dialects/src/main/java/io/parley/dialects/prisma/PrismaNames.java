package io.parley.dialects.prisma;

import io.parley.dialects.core.DialectException;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's names for Parley's, in one place (the table in docs/dialects.md): {@code conversationId} = chat id,
 * {@code sender}/{@code role} {@code CUSTOMER}/{@code ADMIN} = customer/staff side, {@code message} (sent) =
 * content, status {@code OPEN} = open or in_progress, {@code PENDING} = pending, {@code CLOSED} = resolved or closed.
 */
final class PrismaNames {
    static final String CUSTOMER = "CUSTOMER";
    static final String ADMIN = "ADMIN";

    private PrismaNames() {
    }

    static String side(Actor actor) {
        return actor.isStaff() ? ADMIN : CUSTOMER;
    }

    static String side(String senderType) {
        return "agent".equals(senderType) || "system".equals(senderType) ? ADMIN : CUSTOMER;
    }

    /** A {@code sender} or {@code role} the payload claims must be the token's side. */
    static void checkSide(Object claimed, Actor actor, String field) {
        if (claimed != null && !side(actor).equals(claimed)) {
            throw DialectException.forbidden(field + " does not match the token: identity comes from the token");
        }
    }

    static String status(String parleyStatus) {
        if (ChatStatus.PENDING.wire().equals(parleyStatus)) return "PENDING";
        if (ChatStatus.RESOLVED.wire().equals(parleyStatus) || ChatStatus.CLOSED.wire().equals(parleyStatus)) {
            return "CLOSED";
        }
        return "OPEN";
    }

    static Map<String, Object> message(MessageView m, Map<String, Object> conversation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("conversationId", m.chatId());
        out.put("seq", m.seq());
        out.put("sender", side(m.senderType()));
        out.put("senderName", m.senderName());
        out.put("content", m.content());
        out.put("createdAt", m.createdAt());
        out.put("isRead", m.readAt() != null);
        if (conversation != null) out.put("conversation", conversation);
        return out;
    }

    static Map<String, Object> conversation(ChatView chat) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", chat.customer().id());
        user.put("name", chat.customer().name());
        user.put("email", chat.customer().email());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", chat.id());
        out.put("userId", chat.customer().id());
        out.put("status", status(chat.status()));
        out.put("unreadCount", chat.unreadCount());
        out.put("user", user);
        out.put("updatedAt", chat.updatedAt());
        return out;
    }

    static Map<String, Object> conversation(ChatView chat, List<MessageView> messages) {
        Map<String, Object> out = conversation(chat);
        out.put("messages", messages.stream().map(m -> message(m, null)).toList());
        return out;
    }
}
