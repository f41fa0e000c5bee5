package io.parley.dialects.agri;

import io.parley.dialects.core.AfterCommit;
import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.DialectsConfig;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.Workers;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parley's stored events as seed 001's pushes, after their commit: {@code message:new} and {@code message:read} to
 * the conversation's room, {@code notification:new-message} to the other party's sockets that are not in it.
 */
@Component
@ProcessingGroup(DialectsConfig.GROUP)
class AgriPushes {
    private static final Logger log = LoggerFactory.getLogger(AgriPushes.class);

    private final AgriSocket socket;
    private final ChatReads reads;
    private final Workers workers;

    AgriPushes(AgriSocket socket, ChatReads reads, Workers workers) {
        this.socket = socket;
        this.reads = reads;
        this.workers = workers;
    }

    @EventHandler
    void on(MessageSentEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> message = AgriNames.message(MessageView.of(event));
        AfterCommit.run(() -> {
            namespace.toRoom(Rooms.chat(event.chatId()), "message:new", message);
            if (event.senderRole() != Role.SYSTEM) notifyOtherParty(namespace, event, message);
        });
    }

    @EventHandler
    void on(MessagesReadEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("conversationId", event.chatId());
        read.put("readerId", event.readerId());
        read.put("readerType", MessageView.senderType(event.readerRole()));
        read.put("upToSeq", event.upToSeq());
        read.put("readAt", event.readAt());
        AfterCommit.run(() -> namespace.toRoom(Rooms.chat(event.chatId()), "message:read", read));
    }

    /**
     * The other party is the customer, or the conversation's support agent (all support while nobody holds it): a
     * read of the conversation (as its sender) off the committing thread.
     */
    private void notifyOtherParty(DialectNamespace namespace, MessageSentEvent event, Map<String, Object> message) {
        if (namespace.idle()) return;
        Actor sender = new Actor(event.senderId(), event.senderRole(), event.senderName());
        workers.run("agri:" + event.chatId(), () -> {
            try {
                ChatView chat = reads.chat(event.chatId(), sender, 0);
                Map<String, Object> notification = new LinkedHashMap<>();
                notification.put("conversationId", event.chatId());
                notification.put("senderName", event.senderName());
                notification.put("message", message);
                namespace.toRoomOutside(recipients(chat, event), Rooms.chat(event.chatId()),
                        "notification:new-message", notification);
            } catch (RuntimeException failure) {
                log.warn("notification:new-message for chat {} not sent: {}", event.chatId(), failure.toString());
            }
        });
    }

    private static String recipients(ChatView chat, MessageSentEvent event) {
        if (event.senderRole().isStaff()) return Rooms.person(chat.customer().id());
        return chat.assignedAgent() == null ? Rooms.STAFF : Rooms.person(chat.assignedAgent().id());
    }
}
