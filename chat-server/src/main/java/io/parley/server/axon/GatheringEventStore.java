package io.parley.server.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded event store, except that a local commit wakes the event reader once per window rather than at
 * once. The read models' processor then reads the events of every commit in the window with one query and applies
 * them in one batch: one transaction, one token update and one statement per table, instead of all of that for
 * each message. Acks and pushes never wait for it (they go out from the commit); only a read of the read models
 * right after a write waits up to one window longer. A zero window wakes the reader on every commit, as Axon does.
 */
final class GatheringEventStore extends EmbeddedEventStore {
    private final long windowNanos;
    private final AtomicBoolean wakeupDue = new AtomicBoolean();
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
        } else if (wakeupDue.compareAndSet(false, true)) {
            timer.schedule(this::wakeReader, windowNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void wakeReader() {
        // Cleared first: a commit from here on schedules the next wake-up, so none is left unread.
        wakeupDue.set(false);
        super.afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        timer.shutdownNow();
        super.shutDown();
    }
}
