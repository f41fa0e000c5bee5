package io.parley.realtime.sessions;

import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.cluster.Cluster;
import io.parley.realtime.cluster.RedisHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Makes good what a Redis outage cost. Broadcasts that could not cross between nodes are not queued or replayed:
 * the event store has them all, and {@code joinChat {afterSeq}} returns exactly what a socket missed. So when
 * Redis answers again this node (1) records its sockets' presence again, which its calls during the outage
 * could not, (2) sends {@code resync} to its own sockets, and (3) tells the other nodes, whose sockets missed
 * this node's broadcasts, to do the same. A node that finds its broadcast channel subscribed anew (Redis
 * restarted between two heartbeats) resyncs its own sockets only.
 */
@Component
public class Resync {
    private static final Logger log = LoggerFactory.getLogger(Resync.class);
    static final String REASON = "cluster-relay-interrupted";

    private final SessionRegistry sessions;
    private final SocketSessions socketSessions;
    private final Cluster cluster;

    Resync(SessionRegistry sessions, SocketSessions socketSessions, Cluster cluster) {
        this.sessions = sessions;
        this.socketSessions = socketSessions;
        this.cluster = cluster;
    }

    @EventListener
    void redisRestored(RedisHealth.RedisRestored restored) {
        socketSessions.recordPresenceAgain();
        cluster.publishResync(restored.downSince());
        resyncHere(restored.downSince());
    }

    /** Another node's relays failed for a while, or this node's broadcast channel was subscribed anew. */
    public void needed(Cluster.ResyncNeeded needed) {
        resyncHere(needed.since());
    }

    private void resyncHere(Instant since) {
        Wire.Resync resync = new Wire.Resync(REASON, since.truncatedTo(ChronoUnit.MILLIS));
        int sockets = 0;
        for (SocketSession session : sessions.all()) {
            session.client().sendEvent(Wire.RESYNC, resync);
            sockets++;
        }
        log.info("Asked {} sockets to re-join their chats (broadcasts between nodes failed since {})", sockets,
                since);
    }
}
