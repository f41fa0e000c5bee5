package io.parley.dialects.gs365;

import io.parley.dialects.core.DialectException;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 000's names for Parley's, in one place (the table in docs/dialects.md). GS365 is where Parley's own words
 * come from, so only these differ: {@code senderType admin} = agent, {@code userId}/{@code guestId} = the customer
 * by kind, {@code assignedAdminId}/{@code adminId}/{@code adminName} = the assigned agent, {@code time} =
 * createdAt, {@code readBy} = readerId, {@code reason} = resolutionSummary, {@code initialMessage} = the first message.
 */
final class Gs365Names {

    private Gs365Names() {
    }

    static String senderType(String parleyType) {
        return Role.AGENT.wire().equals(parleyType) ? "admin" : parleyType;
    }

    /** The {@code senderType}/{@code readerType} a payload claims must be the token's own kind. */
    static void checkType(Object claimed, Actor actor) {
        if (claimed == null) return;
        String own = actor.isStaff() ? "admin" : actor.role().wire();
        if (!own.equals(claimed)) {
            throw DialectException.forbidden("senderType does not match the token: identity comes from the token");
        }
    }

    static Map<String, Object> message(MessageView m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("chatId", m.chatId());
        out.put("seq", m.seq());
        out.put("senderId", m.senderId());
        out.put("senderType", senderType(m.senderType()));
        out.put("senderName", m.senderName());
        out.put("content", m.content());
        out.put("attachments", m.attachments());
        out.put("isRead", m.readAt() != null);
        out.put("readAt", m.readAt());
        out.put("time", m.createdAt());
        out.put("createdAt", m.createdAt());
        return out;
    }

    static Map<String, Object> chat(ChatView chat) {
        boolean guest = chat.customer() != null && Role.GUEST.wire().equals(chat.customer().type());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", chat.id());
        out.put("chatId", chat.id());
        out.put("ticketNumber", chat.ticketNumber());
        out.put("userId", guest || chat.customer() == null ? null : chat.customer().id());
        out.put("guestId", guest ? chat.customer().id() : null);
        out.put("guestName", guest ? chat.customer().name() : null);
        out.put("guestEmail", guest ? chat.customer().email() : null);
        out.put("subject", chat.subject());
        out.put("status", chat.status());
        out.put("priority", chat.priority());
        out.put("assignedAdminId", chat.assignedAgent() == null ? null : chat.assignedAgent().id());
        out.put("unreadCount", chat.unreadCount());
        out.put("lastMessage", chat.lastMessage() == null ? null : message(chat.lastMessage()));
        out.put("createdAt", chat.createdAt());
        out.put("updatedAt", chat.updatedAt());
        out.put("resolvedAt", chat.resolvedAt());
        out.put("closedAt", chat.closedAt());
        return out;
    }
}
