package io.parley.query.analytics;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.ReadModelReset;
import io.parley.shared.ChatStatus;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.MessageSentEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Keeps each chat's support figures (first response, resolution, messages, who held and resolved it) and the
 * day and agent-day pre-aggregates that {@link AnalyticsQueries} reads. Every fact counts on the chat's start day.
 */
@Component
@ProcessingGroup(QuerySideConfig.READ_MODELS)
class AnalyticsProjection {
    static final String NAME = "analytics";
    private static final String[] TABLES = {"analytics_chat", "analytics_chat_agent", "analytics_agent",
            "analytics_day", "analytics_agent_day"};

    private final ProjectionBatches batches;

    AnalyticsProjection(ProjectionBatches batches) {
        this.batches = batches;
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long sequenceNumber) {
        AnalyticsWrites writes = writes();
        if (writes.chats.find(event.chatId()).isPresent()) return;
        AnalyticsChat chat = new AnalyticsChat();
        chat.chatId = event.chatId();
        chat.category = event.category();
        chat.priority = event.priority().wire();
        chat.startedAt = event.startedAt();
        chat.version = sequenceNumber;
        writes.chats.insert(chat);
        writes.countDay(chat, 1, 0, 0, 0);
    }

    /** Customer and staff messages count; system notices do not. */
    @EventHandler
    void on(MessageSentEvent event, @SequenceNumber long sequenceNumber) {
        if (event.senderRole() == null) return;
        apply(event.chatId(), sequenceNumber, (writes, chat) -> {
            if (event.senderRole().isCustomer()) {
                chat.customerMessage(event.sentAt());
                writes.countDay(chat, 0, 0, 0, 1);
            } else if (event.senderRole().isStaff()) {
                chat.agentMessage(event.senderId(), event.sentAt());
                writes.chatAgents.of(chat.chatId, event.senderId()).messages++;
                writes.countDay(chat, 0, 0, 0, 1);
                writes.countAgent(chat, event.senderId(), 0, 0, 1);
                writes.name(event.senderId(), event.senderName());
            }
        });
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, (writes, chat) -> {
            chat.agentId = event.agentId();
            ChatAgent part = writes.chatAgents.of(chat.chatId, event.agentId());
            if (!part.assigned) {
                part.assigned = true;
                writes.countAgent(chat, event.agentId(), 1, 0, 0);
            }
            writes.name(event.agentId(), event.agentName());
        });
    }

    /** The first resolve is the chat's resolution, credited to the staff member who resolved it. */
    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, (writes, chat) -> {
            if (event.status() != ChatStatus.RESOLVED || !chat.resolved(event.changedAt())) return;
            writes.countDay(chat, 0, 1, 0, 0);
            if (event.changedByRole() != null && event.changedByRole().isStaff()) {
                writes.chatAgents.of(chat.chatId, event.changedById()).resolved = true;
                writes.countAgent(chat, event.changedById(), 0, 1, 0);
            }
        });
    }

    @EventHandler
    void on(ChatClosedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, (writes, chat) -> {
            if (chat.closed(event.closedAt())) writes.countDay(chat, 0, 0, 1, 0);
        });
    }

    /** A chat is rated once (the aggregate decides); the rating counts for the chat and for its holder then. */
    @EventHandler
    void on(ChatRatedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, (writes, chat) -> chat.rating = event.score());
    }

    /** Empties this read model when it is the one being rebuilt. */
    @ResetHandler
    void onReset(ReadModelReset reset) {
        if (!reset.rebuilds(NAME)) return;
        for (String table : TABLES) batches.jdbc().getJdbcTemplate().update("DELETE FROM " + table);
    }

    private void apply(String chatId, long sequenceNumber, ChatChange change) {
        AnalyticsWrites writes = writes();
        writes.chats.find(chatId).filter(chat -> chat.isNew(sequenceNumber)).ifPresent(chat -> {
            change.apply(writes, chat);
            chat.version = sequenceNumber;
            writes.chats.changed(chat);
        });
    }

    private AnalyticsWrites writes() {
        return batches.pending(NAME, () -> new AnalyticsWrites(batches));
    }

    private interface ChatChange {
        void apply(AnalyticsWrites writes, AnalyticsChat chat);
    }
}
