package io.parley.realtime.gateway;

import com.corundumstudio.socketio.store.MemoryStoreFactory;
import com.corundumstudio.socketio.store.RedissonStoreFactory;
import com.corundumstudio.socketio.store.StoreFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.realtime.config.RealtimeProperties;
import jakarta.annotation.PreDestroy;
import org.redisson.Redisson;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *   stamped for 10 s is dead. Presence across nodes builds on it ({@link ClusterPresence}).</li>
 * </ul>
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

    private final RealtimeProperties properties;
    private final String prefix;
    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = ApiJsonSupport.mapper();
    private final RedissonClient redis;
    private final List<Consumer<RoomEvent>> roomListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Set<String>, String>> logoutListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, Instant>> deadNodeListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat;
    private volatile Set<String> liveNodes = Set.of();
    private RTopic rooms;
    private final KeyedSequencer relayOrder = new KeyedSequencer(Runnable::run);
    private RTopic logouts;

    Cluster(RealtimeProperties properties) {
        this.properties = properties;
        this.prefix = properties.redisPrefix();
        if (!properties.clustered()) {
            redis = null;
            heartbeat = null;
            return;
        }
        redis = Redisson.create(redisConfig(properties.redisUrl()));
        rooms = redis.getTopic(prefix + ":rooms", StringCodec.INSTANCE);
        logouts = redis.getTopic(prefix + ":logout", StringCodec.INSTANCE);
        rooms.addListener(String.class, (channel, message) -> received(message, RoomEvent.class, event -> {
            if (!nodeId.equals(event.node())) roomListeners.forEach(listener -> listener.accept(event));
        }));
        logouts.addListener(String.class, (channel, message) -> received(message, Logout.class, logout -> {
            if (!nodeId.equals(logout.node())) {
                logoutListeners.forEach(listener -> listener.accept(logout.tokenIds(), logout.reason()));
            }
        }));
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "realtime-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Socket.IO cluster through Redis {} (prefix {}, node {})", properties.redisUrl(), prefix, nodeId);
    }

    private static Config redisConfig(String url) {
        Config config = new Config();
        config.setThreads(4);
        config.setNettyThreads(4);
        config.useSingleServer().setAddress(url)
                .setConnectionMinimumIdleSize(2).setConnectionPoolSize(16)
                .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(4);
        return config;
    }

    public boolean shared() {
        return redis != null;
    }

    /** The nodes' Redis, for other state they must share (the rate limits); empty on a single node. */
    public Optional<RedissonClient> redis() {
        return Optional.ofNullable(redis);
    }

    /** This node's id in Redis, fresh at every start. */
    String nodeId() {
        return nodeId;
    }

    /** The nodes stamped within the timeout, this one included. */
    Set<String> liveNodes() {
        return liveNodes;
    }

    /**
     * Called with a node that stopped stamping itself and when it last did, on exactly one surviving node: the
     * one whose removal of the stale stamp succeeded.
     */
    void onDeadNode(BiConsumer<String, Instant> listener) {
        deadNodeListeners.add(listener);
    }

    /** Prefix of every key Parley keeps in Redis ({@code chat.redis-prefix}). */
    public String keyPrefix() {
        return prefix;
    }

    /**
     * netty-socketio's store: its Redisson store when clustered (a client of its own, which it shuts down when the
     * server stops), else the in-memory one. Parley's broadcasts do not use its dispatch (see {@link Rooms}).
     */
    StoreFactory storeFactory() {
        return redis == null ? new MemoryStoreFactory()
                : new RedissonStoreFactory(Redisson.create(redisConfig(properties.redisUrl())));
    }

    // ---- room broadcasts and forced logout

    void onRoomEvent(Consumer<RoomEvent> listener) {
        roomListeners.add(listener);
    }

    /**
     * Relays a broadcast to the other nodes without blocking the caller. Publishes of one chat (or of one room,
     * for events about no chat) go out one after the other, each once the previous one is written: Redisson may
     * use several connections, and the other nodes must see a chat's events in commit order.
     */
    void publishRoomEvent(String room, String event, Exclude exclude, Object payload) {
        if (redis == null) return;
        try {
            JsonNode tree = json.valueToTree(payload);
            String message = json.writeValueAsString(new RoomEvent(nodeId, room, event, exclude, tree));
            relayOrder.submit(Wire.laneOf(room, tree), () -> rooms.publishAsync(message)
                    .handle((receivers, failure) -> {
                        if (failure != null) {
                            log.warn("could not relay {} to room {} on the other nodes", event, room, failure);
                        }
                        return null;
                    }));
        } catch (Exception e) {
            log.warn("could not relay {} to room {} on the other nodes", event, room, e);
        }
    }

    void onLogout(BiConsumer<Set<String>, String> listener) {
        logoutListeners.add(listener);
    }

    void publishLogout(Set<String> tokenIds, String reason) {
        if (redis == null) return;
        try {
            logouts.publish(json.writeValueAsString(new Logout(nodeId, tokenIds, reason)));
        } catch (Exception e) {
            log.warn("could not relay a forced logout to the other nodes", e);
        }
    }

    private <T> void received(String message, Class<T> type, Consumer<T> handler) {
        try {
            handler.accept(json.readValue(message, type));
        } catch (Exception e) {
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
                    deadNodeListeners.forEach(listener -> listener.accept(dead.getValue(), lastBeat));
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
        redis.shutdown();
    }
}
