package io.parley.realtime.cluster;

import com.corundumstudio.socketio.store.MemoryStoreFactory;
import com.corundumstudio.socketio.store.RedissonStoreFactory;
import com.corundumstudio.socketio.store.StoreFactory;
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
 *   <li>Liveness: each node stamps {@code <prefix>:nodes} (sorted set, score = time) every 2 s; a node not
 *   stamped for 10 s is dead, and one survivor publishes a {@link NodeStopped} event (presence.ClusterPresence
 *   clears up after it).</li>
 * </ul>
 * What other nodes relay reaches this node's owners through {@link ClusterRelays}; Redis itself is
 * {@link RedisConnection}'s. A relay that fails is logged and counted ({@code parley.cluster.relay.errors},
 * {@code direction} publish or receive): its sockets elsewhere miss that broadcast.
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

    private final String prefix;
    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = ApiJsonSupport.mapper();
    private final RedissonClient redis;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService heartbeat;
    private volatile Set<String> liveNodes = Set.of();
    private final RTopic rooms;
    private final RTopic logouts;
    private final KeyedSequencer relayOrder = new KeyedSequencer(Runnable::run);
    private final Counter publishErrors;
    private final Counter receiveErrors;

    Cluster(RedisConnection connection, ApplicationEventPublisher events, MeterRegistry registry) {
        this.prefix = connection.keyPrefix();
        this.events = events;
        this.publishErrors = relayErrors(registry, "publish");
        this.receiveErrors = relayErrors(registry, "receive");
        this.redis = connection.client().orElse(null);
        if (redis == null) {
            rooms = null;
            logouts = null;
            heartbeat = null;
            return;
        }
        rooms = redis.getTopic(prefix + ":rooms", StringCodec.INSTANCE);
        logouts = redis.getTopic(prefix + ":logout", StringCodec.INSTANCE);
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

    /**
     * netty-socketio's store: its Redisson store on the server's one client when clustered, else the in-memory
     * one. Parley's broadcasts do not use its dispatch (see broadcast.Rooms).
     */
    public StoreFactory storeFactory() {
        if (redis == null) return new MemoryStoreFactory();
        return new RedissonStoreFactory(redis) {
            /** The client is the server's one (RedisConnection), which closes it after everything else. */
            @Override
            public void shutdown() {
            }
        };
    }

    // ---- room broadcasts and forced logout

    /**
     * Hands what the other nodes relay to the receivers: their room broadcasts, and the tokens they revoked with
     * the reason. This node's own relays come back too and are dropped here.
     */
    void listen(Consumer<RoomEvent> roomEvents, BiConsumer<Set<String>, String> logoutsElsewhere) {
        if (redis == null) return;
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
        try {
            JsonNode tree = json.valueToTree(payload);
            String message = json.writeValueAsString(new RoomEvent(nodeId, room, event, exclude, tree));
            relayOrder.submit(Wire.laneOf(room, tree), () -> rooms.publishAsync(message)
                    .handle((receivers, failure) -> {
                        if (failure != null) {
                            publishErrors.increment();
                            log.warn("could not relay {} to room {} on the other nodes", event, room, failure);
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
            log.warn("could not relay a forced logout to the other nodes", e);
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
            nodes.removeRangeByScore(0, true, now - KEY_TTL.toMillis(), true);
            Collection<String> live = nodes.valueRange(now - NODE_TIMEOUT.toMillis(), true, Double.MAX_VALUE, true);
            Set<String> alive = new HashSet<>(live);
            alive.add(nodeId);
            liveNodes = Set.copyOf(alive);
            for (ScoredEntry<String> dead : nodes.entryRange(0, true, now - NODE_TIMEOUT.toMillis(), false)) {
                if (nodes.remove(dead.getValue())) {
                    Instant lastBeat = Instant.ofEpochMilli(dead.getScore().longValue());
                    log.info("Node {} stopped stamping itself at {}", dead.getValue(), lastBeat);
                    events.publishEvent(new NodeStopped(dead.getValue(), lastBeat));
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not renew this node's liveness in Redis", e);
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
