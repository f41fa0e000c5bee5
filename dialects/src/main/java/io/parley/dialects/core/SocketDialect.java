package io.parley.dialects.core;

import io.parley.shared.ApiError;

/**
 * One seed's Socket.IO protocol: its namespace name, its events (registered on {@link DialectNamespace}) and the
 * shape its clients expect errors in.
 */
public interface SocketDialect {

    /** The dialect's name, as {@code CHAT_DIALECTS} lists it and its namespace is called ({@code /<name>}). */
    String name();

    /** Registers the seed's client → server events on its namespace, once, before the server starts. */
    void register(DialectNamespace namespace);

    /**
     * How the seed reports a failed call: the event name it listens to when no ack was asked (null: none) and the
     * payload of that event or ack.
     */
    String errorEvent();

    Object errorBody(ApiError error, String event, Object payload);

    /** A socket whose token was verified joined the namespace (its own rooms are joined already). */
    default void connected(DialectClient client) {
    }

    /** A verified socket left. */
    default void disconnected(DialectClient client) {
    }
}
