package io.parley.dialects.gs365;

import io.parley.dialects.core.AfterCommit;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.DialectsConfig;
import io.parley.dialects.core.Rooms;
import io.parley.shared.ActorMetaData;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.query.MessageView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parley's stored events as seed 000's pushes, after their commit: {@code newMessage}, {@code messagesRead} to the
 * chat's room; {@code chatAssigned}, {@code chatClosed} to it and to staff outside it; {@code newChat} to staff.
 */
@Component
@ProcessingGroup(DialectsConfig.GROUP)
class Gs365Pushes {
    private final Gs365Socket socket;

    Gs365Pushes(Gs365Socket socket) {
        this.socket = socket;
    }

    @EventHandler
    void on(ChatStartedEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("chatId", event.chatId());
        chat.put("ticketNumber", event.ticketNumber());
        chat.put("userId", event.customerId());
        chat.put("userType", event.customerRole().wire());
        chat.put("subject", event.subject());
        AfterCommit.run(() -> namespace.toRoom(Rooms.STAFF, "newChat", chat));
    }

    @EventHandler
    void on(MessageSentEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> message = Gs365Names.message(MessageView.of(event));
        AfterCommit.run(() -> namespace.toRoom(Rooms.chat(event.chatId()), "newMessage", message));
    }

    @EventHandler
    void on(MessagesReadEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("chatId", event.chatId());
        read.put("readBy", event.readerId());
        read.put("upToSeq", event.upToSeq());
        read.put("readAt", event.readAt());
        AfterCommit.run(() -> namespace.toRoom(Rooms.chat(event.chatId()), "messagesRead", read));
    }

    @EventHandler
    void on(AgentAssignedEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> assigned = new LinkedHashMap<>();
        assigned.put("chatId", event.chatId());
        assigned.put("adminId", event.agentId());
        assigned.put("adminName", event.agentName());
        assigned.put("assignedAt", event.assignedAt());
        AfterCommit.run(() -> toChatAndStaff(namespace, event.chatId(), "chatAssigned", assigned));
    }

    @EventHandler
    void on(ChatClosedEvent event, @MetaDataValue(ActorMetaData.ACTOR_NAME) String actorName) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("chatId", event.chatId());
        closed.put("reason", event.resolutionSummary());
        closed.put("closedBy", actorName);
        closed.put("closedAt", event.closedAt());
        AfterCommit.run(() -> toChatAndStaff(namespace, event.chatId(), "chatClosed", closed));
    }

    private static void toChatAndStaff(DialectNamespace namespace, String chatId, String name, Object data) {
        namespace.toRoom(Rooms.chat(chatId), name, data);
        namespace.toRoomOutside(Rooms.STAFF, Rooms.chat(chatId), name, data);
    }
}
