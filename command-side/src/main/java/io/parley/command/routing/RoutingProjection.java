package io.parley.command.routing;

import io.parley.command.routing.RoutingTables.RoutedChat;
import io.parley.shared.ChatStatus;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.AgentAvailabilityChangedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.StaffAccountChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * Folds the events that change who may get which chat into the router's tables (its one-segment processor), and
 * wakes the router once a batch of them is committed. A chat event older than what the table holds (the router
 * wrote the outcome of its own assignment already) changes nothing.
 */
@Component
@ProcessingGroup(RoutingConfig.PROCESSOR)
@ConditionalOnProperty(name = "chat.auto-assign", havingValue = "true")
class RoutingProjection {
    private static final String WAKE = RoutingProjection.class.getName() + ".wake";

    private final RoutingTables tables;
    private final Router router;

    RoutingProjection(RoutingTables tables, Router router) {
        this.tables = tables;
        this.router = router;
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long sequence) {
        if (tables.chat(event.chatId()).isPresent()) return;
        tables.insert(new RoutedChat(event.chatId(), event.ticketNumber(), ChatStatus.OPEN, null,
                event.startedAt(), sequence));
        wakeAfterCommit();
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long sequence) {
        tables.assigned(event.agentId(), event.assignedAt());
        change(event.chatId(), sequence, chat -> chat.with(chat.status(), event.agentId(),
                sequence, event.assignedAt()));
    }

    @EventHandler
    void on(ChatReturnedToQueueEvent event, @SequenceNumber long sequence) {
        change(event.chatId(), sequence,
                chat -> chat.with(chat.status(), null, sequence, event.returnedAt()));
    }

    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long sequence) {
        change(event.chatId(), sequence,
                chat -> chat.with(event.status(), chat.agentId(), sequence, event.changedAt()));
    }

    @EventHandler
    void on(ChatClosedEvent event) {
        // Nothing follows a close: the chat neither waits nor counts against its agent any more.
        tables.forget(event.chatId());
        wakeAfterCommit();
    }

    @EventHandler
    void on(AgentAvailabilityChangedEvent event) {
        tables.availability(event.agentId(), event.availability(), event.changedAt());
        wakeAfterCommit();
    }

    /** Capacity, role and deactivation are read from the account when routing: a change only calls for a look. */
    @EventHandler
    void on(StaffAccountChangedEvent event) {
        wakeAfterCommit();
    }

    private void change(String chatId, long sequence, UnaryOperator<RoutedChat> change) {
        tables.chat(chatId).filter(chat -> sequence > chat.version()).ifPresent(chat -> {
            tables.update(change.apply(chat));
            wakeAfterCommit();
        });
    }

    /** Once per batch: the router reads what this batch wrote only after it is committed. */
    private void wakeAfterCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            router.wake();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(WAKE, key -> {
            root.afterCommit(u -> router.wake());
            return Boolean.TRUE;
        });
    }
}
