package io.parley.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The chats cache of a node that shares the event store with others: a cached chat is used only while the event
 * store holds no later event of it, which one indexed read of its last seq tells (far cheaper than loading a
 * snapshot and the events after it). When another node appended since, the entry is dropped and the chat loads
 * afresh. The read runs under the chat's lock in the command's transaction; an append by another node after it
 * still meets the unique (chat, seq) key, as an uncached load would.
 */
final class StoreCheckedCache implements Cache {
    private final Cache cache;
    private final Supplier<EventStore> eventStore;

    StoreCheckedCache(Cache cache, Supplier<EventStore> eventStore) {
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V value = cache.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            cache.remove(key);
            return null;
        }
        return value;
    }

    /** The cache holds live aggregates by reference (no copy is ever made), so the entry gives its own back. */
    private boolean current(Object key, AggregateCacheEntry<?> entry) {
        EventSourcedAggregate<?> cached;
        try {
            cached = entry.recreateAggregate(null, null, null, null);
        } catch (RuntimeException copied) {
            return false;
        }
        if (cached == null) return false;
        Long stored = eventStore.get().lastSequenceNumberFor(key.toString()).orElse(null);
        return Objects.equals(cached.version(), stored);
    }

    @Override
    public void put(Object key, Object value) {
        cache.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        cache.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }
}
