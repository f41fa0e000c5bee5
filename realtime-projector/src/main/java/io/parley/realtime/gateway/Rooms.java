package io.parley.realtime.gateway;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every broadcast goes through the namespace's room operations, so a shared store (netty-socketio's Redisson
 * store) can fan them out across nodes later without touching the callers.
 */
@Component
public class Rooms {
    private static final Logger log = LoggerFactory.getLogger(Rooms.class);

    private volatile SocketIONamespace namespace;

    void attach(SocketIONamespace namespace) {
        this.namespace = namespace;
    }

    public void send(String room, String event, Object payload) {
        send(room, event, client -> false, payload);
    }

    /** Sends to the room's sockets except those {@code exclude} matches. */
    public void send(String room, String event, Predicate<SocketIOClient> exclude, Object payload) {
        SocketIONamespace target = namespace;
        if (target == null) return;
        try {
            target.getRoomOperations(room).sendEvent(event, exclude, payload);
        } catch (RuntimeException e) {
            log.warn("could not send {} to room {}", event, room, e);
        }
    }

    /** This node's sockets in a room. */
    public Collection<SocketIOClient> clients(String room) {
        SocketIONamespace target = namespace;
        return target == null ? List.of() : new ArrayList<>(target.getRoomOperations(room).getClients());
    }
}
