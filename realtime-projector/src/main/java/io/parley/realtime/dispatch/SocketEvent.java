package io.parley.realtime.dispatch;

import io.parley.realtime.sessions.SocketSession;

/** A client → server event of the contract, handled for an authenticated socket. */
public interface SocketEvent {

    /** The event name clients emit, e.g. {@code sendMessage}. */
    String name();

    /**
     * Whether an auditor's socket may use this event. Auditors read through the audit API only: they join no
     * chat room, and neither type nor send into one.
     */
    default boolean auditorsMay() {
        return false;
    }

    /**
     * Whether the event is refused when it waited too long for a worker ({@link Backlog}): a late message send
     * is refused so the sender learns at once and may retry, and a late typing signal is worthless; a late join
     * or read receipt is still worth doing, so by default an event runs however long it waited.
     */
    default boolean refusedWhenLate() {
        return false;
    }

    /**
     * Whether the event holds a place among the node's sends in flight ({@link SendsInFlight}) from its turn on a
     * worker to its answer, and is refused when none is free: true for events that store something and answer
     * once it is stored.
     */
    default boolean boundedInFlight() {
        return false;
    }

    /** The name a reply refers to ({@code chatError}'s {@code event}): the one the client emitted. */
    default String nameAsEmitted(Object payload) {
        return name();
    }

    /**
     * Handles one emission. Answers through {@code reply} exactly once, possibly later from another thread;
     * anything thrown here is answered as an error.
     */
    void handle(SocketSession session, Object payload, Reply reply) throws Exception;
}
