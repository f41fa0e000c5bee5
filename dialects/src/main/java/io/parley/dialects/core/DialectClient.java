package io.parley.dialects.core;

import com.corundumstudio.socketio.SocketIOClient;
import io.parley.shared.Actor;

/** A verified socket of a dialect namespace: who it speaks for, and its own send and room operations. */
public record DialectClient(SocketIOClient socket, Actor actor) {
    static final String ACTOR = "parley.dialect.actor";

    /** The verified client behind a netty-socketio socket, or null while it has not authenticated. */
    static DialectClient of(SocketIOClient socket) {
        Actor actor = socket.get(ACTOR);
        return actor == null ? null : new DialectClient(socket, actor);
    }

    public void send(String event, Object data) {
        socket.sendEvent(event, data);
    }

    public void join(String room) {
        socket.joinRoom(room);
    }

    public void leave(String room) {
        socket.leaveRoom(room);
    }
}
