package io.parley.realtime.cluster;

import io.parley.realtime.broadcast.Rooms;
import io.parley.realtime.sessions.Resync;
import io.parley.realtime.sessions.SocketSessions;
import jakarta.annotation.PostConstruct;
import org.springframework.stereotype.Component;

/**
 * Receives what the other nodes relay through Redis and hands it to this node's owners: room broadcasts to
 * {@link Rooms}, forced logouts to {@link SocketSessions}, resyncs to {@link Resync}. Listens once everything it
 * hands to exists.
 */
@Component
class ClusterRelays {
    private final Cluster cluster;
    private final Rooms rooms;
    private final SocketSessions sessions;
    private final Resync resync;

    ClusterRelays(Cluster cluster, Rooms rooms, SocketSessions sessions, Resync resync) {
        this.cluster = cluster;
        this.rooms = rooms;
        this.sessions = sessions;
        this.resync = resync;
    }

    @PostConstruct
    void listen() {
        cluster.listen(rooms::deliverRelayed, sessions::logoutHere, resync::needed);
    }
}
