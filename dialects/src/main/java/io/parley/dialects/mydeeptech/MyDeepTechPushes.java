package io.parley.dialects.mydeeptech;

import io.parley.dialects.core.AfterCommit;
import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.DialectsConfig;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.Workers;
import io.parley.shared.Actor;
import io.parley.shared.ActorMetaData;
import io.parley.shared.Role;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.query.ChatView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parley's stored events as seed 003's pushes, after their commit: {@code new_message}, {@code agent_joined},
 * {@code chat_closed} to the chat's room; {@code new_chat_ticket}, {@code user_message}, {@code chat_assigned} to
 * staff.
 */
@Component
@ProcessingGroup(DialectsConfig.GROUP)
class MyDeepTechPushes {
    private static final Logger log = LoggerFactory.getLogger(MyDeepTechPushes.class);
    private static final String STARTED = MyDeepTechPushes.class.getName() + ".started";

    private final MyDeepTechSocket socket;
    private final ChatReads reads;
    private final Workers workers;
    private final AdminStatus adminStatus;

    MyDeepTechPushes(MyDeepTechSocket socket, ChatReads reads, Workers workers, AdminStatus adminStatus) {
        this.socket = socket;
        this.reads = reads;
        this.workers = workers;
        this.adminStatus = adminStatus;
    }

    /** A new chat's first message comes in the same commit: {@code new_chat_ticket} is sent with it. */
    @EventHandler
    void on(ChatStartedEvent event) {
        if (socket.namespace() == null || AfterCommit.root() == null) return;
        AfterCommit.root().<Map<String, ChatStartedEvent>>getOrComputeResource(STARTED, key -> new HashMap<>())
                .put(event.chatId(), event);
    }

    @EventHandler
    void on(MessageSentEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null || event.senderRole() == Role.SYSTEM) return;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", event.messageId());
        message.put("ticketId", event.chatId());
        message.put("sender", event.senderId());
        message.put("senderName", event.senderName());
        message.put("message", event.content());
        message.put("isAdminReply", event.senderRole().isStaff());
        message.put("attachments", io.parley.shared.query.MessageView.attachments(event.attachments()));
        message.put("seq", event.seq());
        message.put("timestamp", event.sentAt());
        ChatStartedEvent started = startedInThisCommit(event.chatId());
        AfterCommit.run(() -> {
            namespace.toRoom(Rooms.chat(event.chatId()), "new_message", message);
            if (started != null) {
                namespace.toRoom(Rooms.STAFF, "new_chat_ticket", newTicket(started, event));
            } else if (event.senderRole().isCustomer()) {
                userMessage(namespace, event);
            }
        });
    }

    @EventHandler
    void on(AgentAssignedEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> joined = new LinkedHashMap<>();
        joined.put("ticketId", event.chatId());
        joined.put("agentName", event.agentName());
        joined.put("agentId", event.agentId());
        joined.put("joinedAt", event.assignedAt());
        Map<String, Object> assigned = new LinkedHashMap<>();
        assigned.put("ticketId", event.chatId());
        assigned.put("assignedTo", event.agentId());
        assigned.put("assignedAt", event.assignedAt());
        Actor agent = new Actor(event.agentId(), Role.AGENT, event.agentName());
        AfterCommit.run(() -> {
            namespace.toRoom(Rooms.chat(event.chatId()), "agent_joined", joined);
            namespace.toRoom(Rooms.STAFF, "chat_assigned", assigned);
            if (namespace.anyoneIn(Rooms.person(agent))) adminStatus.announce(namespace, agent);
        });
    }

    @EventHandler
    void on(ChatClosedEvent event, @MetaDataValue(ActorMetaData.ACTOR_NAME) String actorName) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("ticketId", event.chatId());
        closed.put("closedBy", actorName != null ? actorName : event.closedById());
        closed.put("closedAt", event.closedAt());
        closed.put("resolutionSummary", event.resolutionSummary());
        AfterCommit.run(() -> namespace.toRoom(Rooms.chat(event.chatId()), "chat_closed", closed));
    }

    private static Map<String, Object> newTicket(ChatStartedEvent started, MessageSentEvent first) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("ticketId", started.chatId());
        ticket.put("ticketNumber", started.ticketNumber());
        ticket.put("userName", started.customerName());
        ticket.put("userEmail", started.customerEmail());
        ticket.put("message", first.content());
        ticket.put("priority", started.priority() == null ? null : started.priority().wire());
        ticket.put("category", started.category());
        ticket.put("createdAt", started.startedAt());
        return ticket;
    }

    /** {@code user_message} names the ticket and the customer: read (as the customer) off the committing thread. */
    private void userMessage(DialectNamespace namespace, MessageSentEvent event) {
        if (!namespace.anyoneIn(Rooms.STAFF)) return;
        Actor customer = new Actor(event.senderId(), event.senderRole(), event.senderName());
        workers.run("mydeeptech:" + event.chatId(), () -> {
            try {
                ChatView chat = reads.chat(event.chatId(), customer, 0);
                namespace.toRoom(Rooms.STAFF, "user_message", userMessage(chat, event));
            } catch (RuntimeException failure) {
                log.warn("user_message for chat {} not sent: {}", event.chatId(), failure.toString());
            }
        });
    }

    private static Map<String, Object> userMessage(ChatView chat, MessageSentEvent event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("ticketId", event.chatId());
        message.put("ticketNumber", chat.ticketNumber());
        message.put("userName", event.senderName());
        message.put("userEmail", chat.customer() == null ? null : chat.customer().email());
        message.put("message", event.content());
        message.put("timestamp", event.sentAt());
        return message;
    }

    private static ChatStartedEvent startedInThisCommit(String chatId) {
        if (AfterCommit.root() == null) return null;
        Map<String, ChatStartedEvent> started = AfterCommit.root().getResource(STARTED);
        return started == null ? null : started.get(chatId);
    }
}
