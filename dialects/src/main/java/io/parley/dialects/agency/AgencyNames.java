package io.parley.dialects.agency;

import io.parley.dialects.core.Rooms;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 002's names for Parley's, in one place (the table in docs/dialects.md): {@code conversationId} = chat id,
 * {@code message} (sent) = content, {@code senderType} {@code client}/{@code agency} = customer/staff side,
 * {@code receiverId} = the other party (the customer, or the holding agent), {@code clientId}/{@code agencyId} =
 * customer/assigned agent.
 */
final class AgencyNames {

    private AgencyNames() {
    }

    static String senderType(String parleyType) {
        return "agent".equals(parleyType) || "system".equals(parleyType) ? "agency" : "client";
    }

    /** The other party of someone in a chat: the customer for staff; the holding agent (else all staff) for the customer. */
    static String otherPartyRoom(ChatView chat, boolean fromStaff) {
        if (fromStaff) return Rooms.person(chat.customer().id());
        return chat.assignedAgent() == null ? Rooms.STAFF : Rooms.person(chat.assignedAgent().id());
    }

    static Map<String, Object> message(MessageView m, ChatView chat) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("conversationId", m.chatId());
        out.put("seq", m.seq());
        out.put("senderId", m.senderId());
        out.put("senderName", m.senderName());
        out.put("senderType", senderType(m.senderType()));
        boolean fromStaff = "agency".equals(senderType(m.senderType()));
        out.put("receiverId", chat == null ? null : fromStaff ? chat.customer().id()
                : chat.assignedAgent() == null ? null : chat.assignedAgent().id());
        out.put("clientId", chat == null ? null : chat.customer().id());
        out.put("agencyId", chat == null || chat.assignedAgent() == null ? null : chat.assignedAgent().id());
        out.put("content", m.content());
        out.put("isRead", m.readAt() != null);
        out.put("readAt", m.readAt());
        out.put("createdAt", m.createdAt());
        return out;
    }
}
