package io.parley.realtime.push;

import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.config.RealtimeConfig;
import io.parley.realtime.push.PushBatch.Audience;
import io.parley.realtime.push.PushBatch.ChatPushes;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.AgentAvailabilityChangedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.ChatUpdatedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesDeliveredEvent;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.event.NoteAddedEvent;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pushes committed events to sockets. A subscribing processor: it runs inside the transaction that stores the
 * events, only collects what to push ({@link CommitBatches}), and hands that over after the commit. It has no
 * token, so it never replays history; it never touches a database; it never fails the command it rides on.
 */
@Component
@ProcessingGroup(RealtimeConfig.REALTIME_GROUP)
class RealtimeProjector {
    private static final Logger log = LoggerFactory.getLogger(RealtimeProjector.class);

    private final CommitBatches batches;

    RealtimeProjector(CommitBatches batches) {
        this.batches = batches;
    }

    @EventHandler
    void on(ChatStartedEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            chat.started = event;
            chat.inboxChanged = true;
            chat.wasUnassigned = true;
        });
    }

    @EventHandler
    void on(MessageSentEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            MessageView message = MessageView.of(event);
            chat.messages.add(message);
            chat.lastMessage = message;
            chat.pushes.add(new PushBatch.Push(Wire.NEW_MESSAGE, Audience.CHAT, message, event.seq()));
            chat.inboxChanged = true;
        });
    }

    @EventHandler
    void on(AgentAssignedEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            chat.add(Wire.CHAT_ASSIGNED, Audience.CHAT_AND_AGENTS, new Wire.ChatAssigned(event.chatId(),
                    event.agentId(), event.agentName(), event.assignedAt(), event.previousAgentId()));
            if (event.previousAgentId() == null) chat.wasUnassigned = true;
            else chat.formerAgents.add(event.previousAgentId());
            chat.inboxChanged = true;
        });
    }

    /** Told as a {@code chatAssigned} with no agent, so clients that track the holder need nothing new. */
    @EventHandler
    void on(ChatReturnedToQueueEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            chat.add(Wire.CHAT_ASSIGNED, Audience.CHAT_AND_AGENTS, new Wire.ChatAssigned(event.chatId(),
                    null, null, event.returnedAt(), event.previousAgentId()));
            chat.formerAgents.add(event.previousAgentId());
            chat.inboxChanged = true;
        });
    }

    @EventHandler
    void on(ChatStatusChangedEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            chat.add(Wire.CHAT_STATUS_CHANGED, Audience.CHAT_AND_AGENTS, new Wire.ChatStatusChanged(event.chatId(),
                    event.status().wire(), event.previousStatus() == null ? null : event.previousStatus().wire(),
                    event.changedById(), event.changedAt(), event.resolutionSummary()));
            chat.inboxChanged = true;
        });
    }

    @EventHandler
    void on(ChatClosedEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            chat.add(Wire.CHAT_CLOSED, Audience.CHAT_AND_AGENTS, new Wire.ChatClosed(event.chatId(),
                    event.closedById(), event.closedAt(), event.resolutionSummary()));
            chat.inboxChanged = true;
        });
    }

    @EventHandler
    void on(ChatUpdatedEvent event) {
        record(batch -> batch.chat(event.chatId()).add(Wire.CHAT_UPDATED, Audience.CHAT_AND_AGENTS,
                new Wire.ChatUpdated(event.chatId(), changes(event), event.changedById(), event.changedAt())));
    }

    /** Only staff hear of ratings: the customer who gave it has the answer of the request. */
    @EventHandler
    void on(ChatRatedEvent event) {
        record(batch -> batch.chat(event.chatId()).add(Wire.CHAT_RATED, Audience.AGENTS,
                new Wire.ChatRated(event.chatId(), event.score(), event.comment(), event.ratedById(),
                        event.ratedAt())));
    }

    private static Map<String, Object> changes(ChatUpdatedEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (event.subject() != null) changes.put("subject", event.subject());
        if (event.priority() != null) changes.put("priority", event.priority().wire());
        if (event.category() != null) changes.put("category", event.category());
        if (event.tags() != null) changes.put("tags", event.tags());
        return changes;
    }

    @EventHandler
    void on(MessagesReadEvent event) {
        record(batch -> {
            ChatPushes chat = batch.chat(event.chatId());
            chat.add(Wire.MESSAGES_READ, Audience.CHAT, new Wire.MessagesRead(event.chatId(), event.readerId(),
                    MessageView.senderType(event.readerRole()), event.upToSeq(), event.readAt()));
            chat.inboxChanged = true;
        });
    }

    @EventHandler
    void on(MessagesDeliveredEvent event) {
        record(batch -> batch.chat(event.chatId()).add(Wire.MESSAGES_DELIVERED, Audience.CHAT,
                new Wire.MessagesDelivered(event.chatId(), event.recipientId(),
                        MessageView.senderType(event.recipientRole()), event.upToSeq(), event.deliveredAt())));
    }

    /** Staff only: never the chat room, which holds the customer; and no inbox change, which a customer sees. */
    @EventHandler
    void on(NoteAddedEvent event) {
        record(batch -> batch.chat(event.chatId()).add(Wire.NOTE_ADDED, Audience.AGENTS,
                new Wire.NoteAdded(event.chatId(), NoteView.of(event))));
    }

    @EventHandler
    void on(AgentAvailabilityChangedEvent event) {
        record(batch -> batch.availability(new Wire.AgentAvailability(event.agentId(),
                event.availability().wire(), event.changedAt())));
    }

    private void record(Consumer<PushBatch> change) {
        try {
            batches.record(change);
        } catch (RuntimeException e) {
            log.warn("could not prepare a realtime push; the command is not affected", e);
        }
    }
}
