package io.parley.realtime.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.realtime.broadcast.Exclude;
import io.parley.realtime.broadcast.KeyedSequencer;
import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.server.ApiJsonSupport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the nodes share through Redis when {@code chat.redis-url} is set; without it, nothing (one node, all in
 * memory) and every method here is a no-op or answers "nobody elsewhere".
 *
 * <ul>
 *   <li>Room broadcasts: {@code <prefix>:rooms}, one message per broadcast (room, event, {@link Exclude},
 *   payload as JSON); every other node sends it to its own sockets of the room. Published synchronously, in
 *   order, by the node that sends (for pushes: the node that committed).</li>
 *   <li>Forced logout: {@code <prefix>:logout} carries revoked token ids; every node disconnects its sockets.</li>
 *   <li>Resync: {@code <prefix>:resync} says that a node's relays failed for a while (Redis was down for it);
 *   every node then asks its sockets to re-join their chats ({@code sessions.Resync}).</li>
 *   <li>Liveness: each node stamps {@code <prefix>:nodes} (sorted set, score = time) every 2 s; a node not
 *   stamped for 10 s is dead, and one survivor publishes a {@link NodeStopped} event (presence.ClusterPresence
 *   clears up after it).</li>
 * </ul>
 * What other nodes relay reaches this node's owners through {@link ClusterRelays}; Redis itself is
 * {@link RedisConnection}'s. A relay that fails is logged and counted ({@code parley.cluster.relay.errors},
 * {@code direction} publish or receive): its sockets elsewhere miss that broadcast. While {@link RedisHealth}
 * says Redis is down, relays are skipped (and counted) at once; the heartbeat keeps probing and, once it gets
 * through, tells {@link RedisHealth}, which starts the resync.
 */
@Component
public class Cluster {
    private static final Logger log = LoggerFactory.getLogger(Cluster.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KEY_TTL = Duration.ofDays(1);

    /** A broadcast relayed from another node. */
    public record RoomEvent(String node, String room, String event, Exclude exclude, JsonNode payload) {
    }

    private record Logout(String node, Set<String> tokenIds, String reason) {
    }

    /** A node's relays failed from {@code sinceMillis} (epoch) until it published this. */
    public record ResyncNeeded(String node, long sinceMillis) {
        public Instant since() {
            return Instant.ofEpochMilli(sinceMillis);
        }
    }

    private final String prefix;
    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = ApiJsonSupport.mapper();
    private final RedissonClient redis;
    private final RedisHealth health;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService heartbeat;
    private volatile Set<String> liveNodes = Set.of();
    private final RTopic rooms;
    private final RTopic logouts;
    private final RTopic resyncs;
    /** No node is declared dead before this: after an outage of our own, the others need a beat to stamp again. */
    private volatile long judgeDeathsFrom;
    private final KeyedSequencer relayOrder = new KeyedSequencer(Runnable::run);
    private final Counter publishErrors;
    private final Counter receiveErrors;

    Cluster(RedisConnection connection, RedisHealth health, ApplicationEventPublisher events,
            MeterRegistry registry) {
        this.prefix = connection.keyPrefix();
        this.health = health;
        this.events = events;
        this.publishErrors = relayErrors(registry, "publish");
        this.receiveErrors = relayErrors(registry, "receive");
        this.redis = connection.client().orElse(null);
        if (redis == null) {
            rooms = null;
            logouts = null;
            resyncs = null;
            heartbeat = null;
            return;
        }
        rooms = redis.getTopic(prefix + ":rooms", StringCodec.INSTANCE);
        logouts = redis.getTopic(prefix + ":logout", StringCodec.INSTANCE);
        resyncs = redis.getTopic(prefix + ":resync", StringCodec.INSTANCE);
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "realtime-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Counter relayErrors(MeterRegistry registry, String direction) {
        return Counter.builder("parley.cluster.relay.errors")
                .description("broadcasts and forced logouts that could not be relayed through Redis")
                .tag("direction", direction).register(registry);
    }

    /** Starts stamping this node's liveness; the first stamp is taken before the application serves. */
    @PostConstruct
    void start() {
        if (redis == null) return;
        beat();
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Socket.IO cluster through Redis (prefix {}, node {})", prefix, nodeId);
    }

    public boolean shared() {
        return redis != null;
    }

    /** This node's id in Redis, fresh at every start. */
    public String nodeId() {
        return nodeId;
    }

    /** The nodes stamped within the timeout, this one included. */
    public Set<String> liveNodes() {
        return liveNodes;
    }

    /** Prefix of every key Parley keeps in Redis ({@code chat.redis-prefix}). */
    public String keyPrefix() {
        return prefix;
    }

    // ---- room broadcasts and forced logout

    /**
     * Hands what the other nodes relay to the receivers: their room broadcasts, the tokens they revoked with the
     * reason, and their resyncs. This node's own relays come back too and are dropped here. When the broadcast
     * channel is subscribed again after Redis dropped it (a restart of Redis between two heartbeats), this node
     * may have missed broadcasts: {@code resyncs} gets a resync of its own.
     */
    void listen(Consumer<RoomEvent> roomEvents, BiConsumer<Set<String>, String> logoutsElsewhere,
                Consumer<ResyncNeeded> resyncNeeded) {
        if (redis == null) return;
        AtomicBoolean subscribedBefore = new AtomicBoolean();
        rooms.addListener(new BaseStatusListener() {
            @Override
            public void onSubscribe(String channel) {
                if (subscribedBefore.getAndSet(true)) {
                    resyncNeeded.accept(new ResyncNeeded(nodeId, System.currentTimeMillis()));
                }
            }
        });
        resyncs.addListener(String.class, (channel, message) -> received(message, ResyncNeeded.class, resync -> {
            if (!nodeId.equals(resync.node())) resyncNeeded.accept(resync);
        }));
        rooms.addListener(String.class, (channel, message) -> received(message, RoomEvent.class, event -> {
            if (!nodeId.equals(event.node())) roomEvents.accept(event);
        }));
        logouts.addListener(String.class, (channel, message) -> received(message, Logout.class, logout -> {
            if (!nodeId.equals(logout.node())) logoutsElsewhere.accept(logout.tokenIds(), logout.reason());
        }));
    }

    /**
     * Relays a broadcast to the other nodes without blocking the caller. Publishes of one chat (or of one room,
     * for events about no chat) go out one after the other, each once the previous one is written: Redisson may
     * use several connections, and the other nodes must see a chat's events in commit order.
     */
    public void publishRoomEvent(String room, String event, Exclude exclude, Object payload) {
        if (redis == null) return;
        if (!health.up()) {
            publishErrors.increment();
            return;
        }
        try {
            JsonNode tree = json.valueToTree(payload);
            String message = json.writeValueAsString(new RoomEvent(nodeId, room, event, exclude, tree));
            relayOrder.submit(Wire.laneOf(room, tree), () -> rooms.publishAsync(message)
                    .handle((receivers, failure) -> {
                        if (failure != null) {
                            publishErrors.increment();
                            health.failed("relay of " + event, failure);
                            log.debug("could not relay {} to room {} on the other nodes", event, room, failure);
                        }
                        return null;
                    }));
        } catch (Exception e) {
            publishErrors.increment();
            log.warn("could not relay {} to room {} on the other nodes", event, room, e);
        }
    }

    public void publishLogout(Set<String> tokenIds, String reason) {
        if (redis == null) return;
        try {
            logouts.publish(json.writeValueAsString(new Logout(nodeId, tokenIds, reason)));
        } catch (Exception e) {
            publishErrors.increment();
            health.failed("forced logout relay", e);
            log.warn("could not relay a forced logout to the other nodes", e);
        }
    }

    /** Tells the other nodes that this node's relays failed from {@code since}: their sockets may have missed some. */
    public void publishResync(Instant since) {
        if (redis == null) return;
        try {
            resyncs.publish(json.writeValueAsString(new ResyncNeeded(nodeId, since.toEpochMilli())));
        } catch (Exception e) {
            publishErrors.increment();
            health.failed("resync relay", e);
        }
    }

    private <T> void received(String message, Class<T> type, Consumer<T> handler) {
        try {
            handler.accept(json.readValue(message, type));
        } catch (Exception e) {
            receiveErrors.increment();
            log.warn("could not handle a message from another node", e);
        }
    }

    private void beat() {
        try {
            RScoredSortedSet<String> nodes = redis.getScoredSortedSet(prefix + ":nodes", StringCodec.INSTANCE);
            long now = System.currentTimeMillis();
            nodes.add(now, nodeId);
            if (!health.up()) judgeDeathsFrom = now + NODE_TIMEOUT.toMillis();
            health.answered();
            nodes.removeRangeByScore(0, true, now - KEY_TTL.toMillis(), true);
            Collection<String> live = nodes.valueRange(now - NODE_TIMEOUT.toMillis(), true, Double.MAX_VALUE, true);
            Set<String> alive = new HashSet<>(live);
            alive.add(nodeId);
            liveNodes = Set.copyOf(alive);
            if (now < judgeDeathsFrom) return;
            for (ScoredEntry<String> dead : nodes.entryRange(0, true, now - NODE_TIMEOUT.toMillis(), false)) {
                if (nodes.remove(dead.getValue())) {
                    Instant lastBeat = Instant.ofEpochMilli(dead.getScore().longValue());
                    log.info("Node {} stopped stamping itself at {}", dead.getValue(), lastBeat);
                    events.publishEvent(new NodeStopped(dead.getValue(), lastBeat));
                }
            }
        } catch (RuntimeException e) {
            health.failed("heartbeat", e);
            log.debug("could not renew this node's liveness in Redis", e);
        }
    }

    @PreDestroy
    void stop() {
        if (redis == null) return;
        heartbeat.shutdownNow();
        try {
            redis.getScoredSortedSet(prefix + ":nodes", StringCodec.INSTANCE).remove(nodeId);
        } catch (RuntimeException e) {
            log.debug("could not remove this node from Redis", e);
        }
    }
}
