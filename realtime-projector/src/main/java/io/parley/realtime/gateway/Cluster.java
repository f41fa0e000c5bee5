package io.parley.realtime.gateway;

import com.corundumstudio.socketio.store.MemoryStoreFactory;
import com.corundumstudio.socketio.store.RedissonStoreFactory;
import com.corundumstudio.socketio.store.StoreFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.realtime.config.RealtimeProperties;
import io.parley.shared.Actor;
import jakarta.annotation.PreDestroy;
import org.redisson.Redisson;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RSet;
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
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>Presence: hash {@code <prefix>:presence:<person>} holds each node's socket count of the person (field
 *   {@code n:<node>}), role and lastSeen; set {@code <prefix>:chat:<chat>} holds {@code <node>|<person>} per
 *   chat someone has joined. Only live nodes count: each node stamps {@code <prefix>:nodes} (sorted set, score
 *   = time) every 2 s, and a node not stamped for 10 s is dead, so its sockets stop counting.</li>
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

    /** A person whose sockets were all on a node that died: offline since {@code lastSeen}, in these chats. */
    record Departed(String personId, String role, Instant lastSeen, Set<String> chats) {
    }

    private final RealtimeProperties properties;
    private final String prefix;
    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = ApiJsonSupport.mapper();
    private final RedissonClient redis;
    private final List<Consumer<RoomEvent>> roomListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Set<String>, String>> logoutListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Departed>> departedListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat;
    private volatile Set<String> liveNodes = Set.of();
    private RTopic rooms;
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

    void publishRoomEvent(String room, String event, Exclude exclude, Object payload) {
        if (redis == null) return;
        try {
            rooms.publish(json.writeValueAsString(new RoomEvent(nodeId, room, event, exclude,
                    json.valueToTree(payload))));
        } catch (Exception e) {
            log.warn("could not relay {} to room {} on the other nodes", event, room, e);
        }
    }

    void onLogout(BiConsumer<Set<String>, String> listener) {
        logoutListeners.add(listener);
    }

    void onDeparted(Consumer<Departed> listener) {
        departedListeners.add(listener);
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

    // ---- presence

    /** True when the person has a socket on another live node. */
    boolean onlineElsewhere(String personId) {
        if (redis == null) return false;
        try {
            return countsElsewhere(presenceMap(personId).readAllMap()) > 0;
        } catch (RuntimeException e) {
            log.warn("could not read presence of {}", personId, e);
            return false;
        }
    }

    /** Records this node's socket count of the person and when they were last seen. */
    void recordSockets(Actor person, int sockets, Instant lastSeen) {
        if (redis == null) return;
        try {
            RMap<String, String> map = presenceMap(person.id());
            map.putAll(Map.of("n:" + nodeId, Integer.toString(sockets), "role", person.role().wire(),
                    "lastSeen", Long.toString(lastSeen.toEpochMilli())));
            map.expire(KEY_TTL);
            RSet<String> ours = nodeSet("people");
            if (sockets > 0) ours.add(person.id()); else ours.remove(person.id());
            ours.expire(KEY_TTL);
        } catch (RuntimeException e) {
            log.warn("could not record presence of {}", person.id(), e);
        }
    }

    /** The person's presence over all live nodes; null when no node has seen them. */
    Wire.Presence presence(String personId) {
        if (redis == null) return null;
        try {
            Map<String, String> map = presenceMap(personId).readAllMap();
            if (!map.containsKey("lastSeen")) return null;
            int sockets = countsElsewhere(map) + count(map.get("n:" + nodeId));
            return new Wire.Presence(personId, map.get("role"), sockets > 0,
                    Instant.ofEpochMilli(Long.parseLong(map.get("lastSeen"))));
        } catch (RuntimeException e) {
            log.warn("could not read presence of {}", personId, e);
            return null;
        }
    }

    void enteredChat(String chatId, String personId) {
        if (redis == null) return;
        try {
            RSet<String> set = chatSet(chatId);
            set.add(nodeId + "|" + personId);
            set.expire(KEY_TTL);
            RSet<String> ours = nodeSet("chats");
            ours.add(chatId + "|" + personId);
            ours.expire(KEY_TTL);
        } catch (RuntimeException e) {
            log.warn("could not record that {} is in chat {}", personId, chatId, e);
        }
    }

    void leftChat(String chatId, String personId) {
        if (redis == null) return;
        try {
            chatSet(chatId).remove(nodeId + "|" + personId);
            nodeSet("chats").remove(chatId + "|" + personId);
        } catch (RuntimeException e) {
            log.warn("could not record that {} left chat {}", personId, chatId, e);
        }
    }

    /** People with a socket in the chat on another live node. */
    Set<String> inChatElsewhere(String chatId) {
        Set<String> people = new HashSet<>();
        if (redis == null) return people;
        try {
            Set<String> live = liveNodes;
            for (String member : chatSet(chatId).readAll()) {
                int bar = member.indexOf('|');
                String node = member.substring(0, bar);
                if (!node.equals(nodeId) && live.contains(node)) people.add(member.substring(bar + 1));
            }
        } catch (RuntimeException e) {
            log.warn("could not read who is in chat {}", chatId, e);
        }
        return people;
    }

    private int countsElsewhere(Map<String, String> map) {
        Set<String> live = liveNodes;
        int sockets = 0;
        for (Map.Entry<String, String> field : map.entrySet()) {
            String key = field.getKey();
            if (key.startsWith("n:") && !key.equals("n:" + nodeId) && live.contains(key.substring(2))) {
                sockets += count(field.getValue());
            }
        }
        return sockets;
    }

    private static int count(String value) {
        return value == null ? 0 : Integer.parseInt(value);
    }

    private RMap<String, String> presenceMap(String personId) {
        return redis.getMap(prefix + ":presence:" + personId, StringCodec.INSTANCE);
    }

    private RSet<String> chatSet(String chatId) {
        return redis.getSet(prefix + ":chat:" + chatId, StringCodec.INSTANCE);
    }

    /** What a node has: {@code people} with sockets on it, {@code chats} as chat|person entered from it. */
    private RSet<String> nodeSet(String what) {
        return nodeSet(nodeId, what);
    }

    private RSet<String> nodeSet(String node, String what) {
        return redis.getSet(prefix + ":node:" + node + ":" + what, StringCodec.INSTANCE);
    }

    /**
     * Clears up after a node that stopped stamping itself: its socket counts, its chat memberships, and tells the
     * listeners who is now offline everywhere. Removing the node from the sorted set is atomic, so exactly one
     * surviving node does this.
     */
    private void sweep(String dead, Instant lastBeat) {
        Map<String, Set<String>> chatsOf = new HashMap<>();
        for (String entry : nodeSet(dead, "chats").readAll()) {
            int bar = entry.indexOf('|');
            String chatId = entry.substring(0, bar);
            String personId = entry.substring(bar + 1);
            chatSet(chatId).remove(dead + "|" + personId);
            chatsOf.computeIfAbsent(personId, id -> new HashSet<>()).add(chatId);
        }
        for (String personId : nodeSet(dead, "people").readAll()) {
            RMap<String, String> map = presenceMap(personId);
            map.fastRemove("n:" + dead);
            Map<String, String> left = map.readAllMap();
            if (countsElsewhere(left) + count(left.get("n:" + nodeId)) > 0 || !left.containsKey("role")) continue;
            Instant lastSeen = lastBeat.truncatedTo(ChronoUnit.MILLIS);
            map.fastPut("lastSeen", Long.toString(lastSeen.toEpochMilli()));
            Departed departed = new Departed(personId, left.get("role"), lastSeen,
                    chatsOf.getOrDefault(personId, Set.of()));
            departedListeners.forEach(listener -> listener.accept(departed));
        }
        redis.getKeys().delete(prefix + ":node:" + dead + ":chats", prefix + ":node:" + dead + ":people");
        log.info("Node {} stopped stamping itself; its sockets are gone", dead);
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
                    sweep(dead.getValue(), Instant.ofEpochMilli(dead.getScore().longValue()));
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
