package io.parley.realtime.broadcast;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.realtime.cluster.Cluster;
import io.parley.realtime.sessions.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every broadcast goes through here. It is sent to this node's sockets of the room and, with
 * {@code chat.redis-url}, relayed through Redis ({@link Cluster}) to the other nodes, which send it to theirs.
 * Exclusions travel as data ({@link Exclude}) and are applied by each node to its own sockets: netty-socketio's
 * own cross-node dispatch would drop them (it applies a predicate locally only). Counts what it sends to this
 * node's sockets, per event ({@code parley.pushes}).
 */
@Component
public class Rooms {
    private static final Logger log = LoggerFactory.getLogger(Rooms.class);

    private final Cluster cluster;
    private final ChatLanes lanes;
    private volatile SocketIONamespace namespace;
    private final SessionRegistry sessions;
    /** One counter per event of the contract, made up front: a push looks its counter up and allocates nothing. */
    private final Map<String, Counter> pushed;
    private final Counter pushedOther;

    Rooms(Cluster cluster, ChatLanes lanes, SessionRegistry sessions, MeterRegistry registry) {
        this.sessions = sessions;
        this.cluster = cluster;
        this.lanes = lanes;
        Map<String, Counter> counters = new HashMap<>();
        for (String event : Wire.PUSHED) counters.put(event, pushCounter(registry, event));
        this.pushed = Map.copyOf(counters);
        this.pushedOther = pushCounter(registry, "other");
    }

    private static Counter pushCounter(MeterRegistry registry, String event) {
        return Counter.builder("parley.pushes").description("events sent to this node's sockets through rooms")
                .tag("event", event).register(registry);
    }

    public void attach(SocketIONamespace namespace) {
        this.namespace = namespace;
    }

    public void send(String room, String event, Object payload) {
        send(room, event, Exclude.NONE, payload);
    }

    /** Sends to the room's sockets on every node except those {@code exclude} matches. */
    public void send(String room, String event, Exclude exclude, Object payload) {
        deliverLocally(room, event, exclude, payload);
        cluster.publishRoomEvent(room, event, exclude, payload);
    }

    /**
     * A broadcast of another node goes through this node's lane of the chat, like its own pushes: a joinChat
     * queued here either reads the relayed message in its catch-up or is in the room before it is delivered
     * ({@link Wire#laneOf(String, JsonNode)}).
     */
    public void deliverRelayed(Cluster.RoomEvent relayed) {
        lanes.run(Wire.laneOf(relayed.room(), relayed.payload()),
                () -> deliverLocally(relayed.room(), relayed.event(), relayed.exclude(), relayed.payload()));
    }

    private void deliverLocally(String room, String event, Exclude exclude, Object payload) {
        SocketIONamespace target = namespace;
        if (target == null) return;
        try {
            // Client by client: the room operations' sendEvent would also publish netty-socketio's own
            // dispatch message, without the exclusions, to the other nodes.
            int sent = 0;
            for (SocketIOClient client : target.getRoomOperations(room).getClients()) {
                if (!exclude.skips(sessions.of(client).orElse(null))) {
                    client.sendEvent(event, payload);
                    sent++;
                }
            }
            if (sent > 0) pushed.getOrDefault(event, pushedOther).increment(sent);
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
