package io.parley.realtime.presence;

import io.parley.realtime.broadcast.Wire;
import io.parley.shared.Actor;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Presence counted per person across all their sockets: online while any one is connected. Transient by design
 * (never an event); lastSeen is when the person last connected or, once offline, last disconnected.
 */
public final class PresenceBook {
    private final Map<String, Entry> people = new HashMap<>();

    /** Counts a new socket; true when it made the person online. */
    public synchronized boolean connected(Actor person, Instant now) {
        Entry entry = people.computeIfAbsent(person.id(), id -> new Entry());
        entry.role = person.role().wire();
        entry.lastSeen = now;
        return ++entry.sockets == 1;
    }

    /** Counts a closed socket; true when it was the person's last. */
    public synchronized boolean disconnected(Actor person, Instant now) {
        Entry entry = people.get(person.id());
        if (entry == null || entry.sockets == 0) return false;
        entry.lastSeen = now;
        return --entry.sockets == 0;
    }

    /** This node's open sockets of the person. */
    public synchronized int sockets(String personId) {
        Entry entry = people.get(personId);
        return entry == null ? 0 : entry.sockets;
    }

    public synchronized Wire.Presence of(String personId) {
        Entry entry = people.get(personId);
        return entry == null ? null : new Wire.Presence(personId, entry.role, entry.sockets > 0, entry.lastSeen);
    }

    private static final class Entry {
        int sockets;
        String role;
        Instant lastSeen;
    }
}
