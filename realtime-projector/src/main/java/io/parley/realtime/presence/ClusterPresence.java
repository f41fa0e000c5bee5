package io.parley.realtime.presence;

import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.cluster.Cluster;
import io.parley.realtime.cluster.NodeStopped;
import io.parley.realtime.cluster.RedisConnection;
import io.parley.realtime.cluster.RedisHealth;
import io.parley.shared.Actor;
import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Presence over every node, in the nodes' Redis ({@link Cluster}); without Redis, or while {@link RedisHealth}
 * says it is down, every method is a no-op or answers "nobody elsewhere" at once. Only live nodes count.
 *
 * <ul>
 *   <li>hash {@code <prefix>:presence:<person>}: each node's socket count of the person (field {@code n:<node>}),
 *   role and lastSeen;</li>
 *   <li>set {@code <prefix>:chat:<chat>}: {@code <node>|<person>} per chat someone has joined;</li>
 *   <li>sets {@code <prefix>:node:<node>:people} and {@code …:chats}: what a node holds, so that a survivor can
 *   clear up after it and announce its people offline.</li>
 * </ul>
 */
@Component
public class ClusterPresence {
    private static final Logger log = LoggerFactory.getLogger(ClusterPresence.class);
    private static final Duration KEY_TTL = Duration.ofDays(1);

    /** A person whose sockets were all on a node that died: offline since {@code lastSeen}, in these chats. */
    public record Departed(String personId, String role, Instant lastSeen, Set<String> chats) {
    }

    private final Cluster cluster;
    private final RedissonClient redis;
    private final RedisHealth health;
    private final String prefix;
    private final ApplicationEventPublisher events;

    ClusterPresence(Cluster cluster, RedisConnection connection, RedisHealth health,
                    ApplicationEventPublisher events) {
        this.cluster = cluster;
        this.health = health;
        this.redis = connection.client().orElse(null);
        this.prefix = connection.keyPrefix();
        this.events = events;
    }

    @EventListener
    void nodeStopped(NodeStopped stopped) {
        try {
            sweep(stopped.nodeId(), stopped.lastBeat());
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not clear up after node {}", stopped.nodeId(), e);
        }
    }

    public boolean shared() {
        return redis != null;
    }

    /** Whether Redis may be asked now: configured, and not known to be down. */
    private boolean reachable() {
        return redis != null && health.up();
    }

    /** True when the person has a socket on another live node. */
    public boolean onlineElsewhere(String personId) {
        if (!reachable()) return false;
        try {
            return countsElsewhere(presenceMap(personId).readAllMap()) > 0;
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not read presence of {}", personId, e);
            return false;
        }
    }

    /** Records this node's socket count of the person and when they were last seen. */
    public void recordSockets(Actor person, int sockets, Instant lastSeen) {
        if (!reachable()) return;
        try {
            RMap<String, String> map = presenceMap(person.id());
            map.putAll(Map.of("n:" + nodeId(), Integer.toString(sockets), "role", person.role().wire(),
                    "lastSeen", Long.toString(lastSeen.toEpochMilli())));
            map.expire(KEY_TTL);
            RSet<String> ours = nodeSet("people");
            if (sockets > 0) ours.add(person.id()); else ours.remove(person.id());
            ours.expire(KEY_TTL);
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not record presence of {}", person.id(), e);
        }
    }

    /** The person's presence over all live nodes; null when no node has seen them. */
    public Wire.Presence presence(String personId) {
        if (!reachable()) return null;
        try {
            Map<String, String> map = presenceMap(personId).readAllMap();
            if (!map.containsKey("lastSeen")) return null;
            int sockets = countsElsewhere(map) + count(map.get("n:" + nodeId()));
            return new Wire.Presence(personId, map.get("role"), sockets > 0,
                    Instant.ofEpochMilli(Long.parseLong(map.get("lastSeen"))));
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not read presence of {}", personId, e);
            return null;
        }
    }

    public void enteredChat(String chatId, String personId) {
        if (!reachable()) return;
        try {
            RSet<String> set = chatSet(chatId);
            set.add(nodeId() + "|" + personId);
            set.expire(KEY_TTL);
            RSet<String> ours = nodeSet("chats");
            ours.add(chatId + "|" + personId);
            ours.expire(KEY_TTL);
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not record that {} is in chat {}", personId, chatId, e);
        }
    }

    public void leftChat(String chatId, String personId) {
        if (!reachable()) return;
        try {
            chatSet(chatId).remove(nodeId() + "|" + personId);
            nodeSet("chats").remove(chatId + "|" + personId);
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not record that {} left chat {}", personId, chatId, e);
        }
    }

    /** People with a socket in the chat on another live node. */
    public Set<String> inChatElsewhere(String chatId) {
        Set<String> people = new HashSet<>();
        if (!reachable()) return people;
        try {
            Set<String> live = cluster.liveNodes();
            for (String member : chatSet(chatId).readAll()) {
                int bar = member.indexOf('|');
                String node = member.substring(0, bar);
                if (!node.equals(nodeId()) && live.contains(node)) people.add(member.substring(bar + 1));
            }
        } catch (RuntimeException e) {
            health.failed("presence", e);
            log.debug("could not read who is in chat {}", chatId, e);
        }
        return people;
    }

    private int countsElsewhere(Map<String, String> map) {
        Set<String> live = cluster.liveNodes();
        int sockets = 0;
        for (Map.Entry<String, String> field : map.entrySet()) {
            String key = field.getKey();
            if (key.startsWith("n:") && !key.equals("n:" + nodeId()) && live.contains(key.substring(2))) {
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
        return nodeSet(nodeId(), what);
    }

    private RSet<String> nodeSet(String node, String what) {
        return redis.getSet(prefix + ":node:" + node + ":" + what, StringCodec.INSTANCE);
    }

    /**
     * Clears up after a node that stopped stamping itself (on one survivor only, see {@link NodeStopped}): its
     * socket counts and chat memberships, and tells (a {@link Departed} event) who is now offline everywhere.
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
            if (countsElsewhere(left) + count(left.get("n:" + nodeId())) > 0 || !left.containsKey("role")) continue;
            Instant lastSeen = lastBeat.truncatedTo(ChronoUnit.MILLIS);
            map.fastPut("lastSeen", Long.toString(lastSeen.toEpochMilli()));
            Departed departed = new Departed(personId, left.get("role"), lastSeen,
                    chatsOf.getOrDefault(personId, Set.of()));
            events.publishEvent(departed);
        }
        redis.getKeys().delete(prefix + ":node:" + dead + ":chats", prefix + ":node:" + dead + ":people");
    }

    private String nodeId() {
        return cluster.nodeId();
    }
}
