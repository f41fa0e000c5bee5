package io.parley.dialects.mydeeptech;

import io.parley.shared.ChatStatus;
import io.parley.shared.Role;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.CustomerView;
import io.parley.shared.query.MessageView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's names for Parley's, in one place (the table in docs/dialects.md): {@code ticketId} = chat id,
 * {@code message} = content, {@code sender} = senderId, {@code senderModel}/{@code isAdminReply} = senderType,
 * {@code timestamp} = createdAt, {@code waiting_for_user} = pending, {@code assignedTo}/{@code userId} = the
 * agent/customer as {@code {_id, fullName, email}}, {@code lastUpdated} = updatedAt.
 */
final class MyDeepTechNames {
    static final String PENDING = "waiting_for_user";

    private MyDeepTechNames() {
    }

    static String status(String parleyStatus) {
        return ChatStatus.PENDING.wire().equals(parleyStatus) ? PENDING : parleyStatus;
    }

    /** A seed status filter as Parley statuses: {@code active} is open, in_progress and waiting_for_user. */
    static List<String> statuses(String seedStatus) {
        if (seedStatus == null || seedStatus.isBlank() || seedStatus.equals("active")) return List.of("active");
        return List.of(seedStatus.split(",")).stream().map(String::trim)
                .map(s -> s.equals(PENDING) ? ChatStatus.PENDING.wire() : s).toList();
    }

    static String senderModel(String senderType) {
        if (Role.AGENT.wire().equals(senderType)) return "Admin";
        if (Role.SYSTEM.wire().equals(senderType)) return "System";
        return "DTUser";
    }

    static boolean isAdminReply(String senderType) {
        return Role.AGENT.wire().equals(senderType);
    }

    static Map<String, Object> message(MessageView m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", m.id());
        out.put("sender", m.senderId());
        out.put("senderModel", senderModel(m.senderType()));
        out.put("senderName", m.senderName());
        out.put("message", m.content());
        out.put("isAdminReply", isAdminReply(m.senderType()));
        out.put("attachments", m.attachments());
        out.put("seq", m.seq());
        out.put("timestamp", m.createdAt());
        return out;
    }

    static Map<String, Object> person(AgentRef agent) {
        return agent == null ? null : person(agent.id(), agent.name(), null);
    }

    static Map<String, Object> person(CustomerView customer) {
        return customer == null ? null : person(customer.id(), customer.name(), customer.email());
    }

    private static Map<String, Object> person(String id, String name, String email) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", id);
        out.put("fullName", name);
        out.put("email", email);
        return out;
    }

    /** A ticket as the seed lists it, with its messages. */
    static Map<String, Object> ticket(ChatView chat, List<MessageView> messages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", chat.id());
        out.put("ticketNumber", chat.ticketNumber());
        out.put("subject", chat.subject());
        out.put("status", status(chat.status()));
        out.put("priority", chat.priority());
        out.put("category", chat.category());
        out.put("isChat", true);
        out.put("createdAt", chat.createdAt());
        out.put("lastUpdated", chat.updatedAt());
        out.put("messages", messages.stream().map(MyDeepTechNames::message).toList());
        out.put("userId", person(chat.customer()));
        out.put("assignedTo", person(chat.assignedAgent()));
        out.put("resolvedAt", chat.resolvedAt());
        out.put("resolutionSummary", chat.resolutionSummary());
        return out;
    }
}
