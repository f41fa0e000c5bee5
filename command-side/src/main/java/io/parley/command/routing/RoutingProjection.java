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
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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
    private static final String CLAIM = RoutingProjection.class.getName() + ".claim";

    private final RoutingTables tables;
    private final Router router;
    private final TokenStore tokens;

    RoutingProjection(RoutingTables tables, Router router, TokenStore tokens) {
        this.tables = tables;
        this.router = router;
        this.tokens = tokens;
    }

    /** A rebuild of the router's state (a reset of its processor) starts from empty tables. */
    @ResetHandler
    void onReset() {
        tables.clear();
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long sequence) {
        claimFirst();
        if (tables.chat(event.chatId()).isPresent()) return;
        tables.insert(new RoutedChat(event.chatId(), event.ticketNumber(), ChatStatus.OPEN, null,
                event.startedAt(), sequence));
        wakeAfterCommit();
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long sequence) {
        claimFirst();
        tables.assigned(event.agentId(), event.assignedAt());
        change(event.chatId(), sequence, chat -> chat.with(chat.status(), event.agentId(),
                sequence, event.assignedAt()));
    }

    @EventHandler
    void on(ChatReturnedToQueueEvent event, @SequenceNumber long sequence) {
        claimFirst();
        change(event.chatId(), sequence,
                chat -> chat.with(chat.status(), null, sequence, event.returnedAt()));
    }

    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long sequence) {
        claimFirst();
        change(event.chatId(), sequence,
                chat -> chat.with(event.status(), chat.agentId(), sequence, event.changedAt()));
    }

    @EventHandler
    void on(ChatClosedEvent event) {
        claimFirst();
        // Nothing follows a close: the chat neither waits nor counts against its agent any more.
        tables.forget(event.chatId());
        wakeAfterCommit();
    }

    @EventHandler
    void on(AgentAvailabilityChangedEvent event) {
        claimFirst();
        tables.availability(event.agentId(), event.availability(), event.changedAt());
        wakeAfterCommit();
    }

    /** Capacity, role and deactivation are read from the account when routing: a change only calls for a look. */
    @EventHandler
    void on(StaffAccountChangedEvent event) {
        claimFirst();
        wakeAfterCommit();
    }

    private void change(String chatId, long sequence, UnaryOperator<RoutedChat> change) {
        tables.chat(chatId).filter(chat -> sequence > chat.version()).ifPresent(chat -> {
            tables.update(change.apply(chat));
            wakeAfterCommit();
        });
    }

    /**
     * Before a batch touches the tables it locks the segment's claim row, as every router assignment does first
     * (RoutedAssignments): both take the two locks in the same order, so they queue instead of deadlocking.
     */
    private void claimFirst() {
        if (!CurrentUnitOfWork.isStarted()) return;
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        // Not in computeIfAbsent: renewing the claim registers resources of its own with the unit of work.
        if (root.resources().containsKey(CLAIM)) return;
        tokens.extendClaim(RoutingConfig.PROCESSOR, RoutingConfig.SEGMENT);
        root.resources().put(CLAIM, Boolean.TRUE);
    }

    /** Once per batch: the router reads what this batch wrote only after it is committed. */
    private void wakeAfterCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            router.wake();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.resources().containsKey(WAKE)) return;
        root.resources().put(WAKE, Boolean.TRUE);
        root.afterCommit(u -> router.wake());
    }
}
