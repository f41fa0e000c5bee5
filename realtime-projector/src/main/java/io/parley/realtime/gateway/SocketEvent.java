package io.parley.realtime.gateway;

/** A client → server event of the contract, handled for an authenticated socket. */
public interface SocketEvent {

    /** The event name clients emit, e.g. {@code sendMessage}. */
    String name();

    /**
     * Handles one emission. Answers through {@code reply} exactly once, possibly later from another thread;
     * anything thrown here is answered as an error.
     */
    void handle(SocketSession session, Object payload, Reply reply) throws Exception;
}
