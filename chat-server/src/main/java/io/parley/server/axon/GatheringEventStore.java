package io.parley.server.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's embedded event store, except that local commits wake the event reader at most once per window. The first
 * commit after a quiet window wakes it at once; commits that follow within the window wake it once, at the
 * window's end. Under load the read models' processor thus reads the events of every commit in a window with one
 * query and applies them in one batch (one transaction, one token update and one statement per table, instead of
 * all of that for each message), while a lone write is applied as soon as before. Acks and pushes never wait for
 * it (they go out from the commit). A zero window wakes the reader on every commit, as Axon does.
 */
final class GatheringEventStore extends EmbeddedEventStore {
    private final long windowNanos;
    private final AtomicBoolean wakeupDue = new AtomicBoolean();
    private final AtomicLong lastWakeup = new AtomicLong(System.nanoTime());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-reader-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    GatheringEventStore(Builder builder, Duration window) {
        super(builder);
        this.windowNanos = window.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (windowNanos == 0) {
            super.afterCommit(events);
            return;
        }
        if (!wakeupDue.compareAndSet(false, true)) return; // a wake-up to come reads these events too
        long sinceLast = System.nanoTime() - lastWakeup.get();
        if (sinceLast >= windowNanos) {
            wakeReader();
        } else {
            timer.schedule(this::wakeReader, windowNanos - sinceLast, TimeUnit.NANOSECONDS);
        }
    }

    private void wakeReader() {
        lastWakeup.set(System.nanoTime());
        // Cleared before the wake-up: a commit from here on is read by this fetch or wakes the next one.
        wakeupDue.set(false);
        super.afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        timer.shutdownNow();
        super.shutDown();
    }
}
