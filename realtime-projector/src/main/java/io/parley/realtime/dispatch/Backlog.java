package io.parley.realtime.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.shared.ApiError;
import io.parley.shared.error.ErrorCode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounds on socket events waiting for a worker: so many per socket, so many on the node, and a time limit in
 * the queue for the events that are worthless late ({@link SocketEvent#refusedWhenLate()}: sends and typing).
 * Over a bound, or past the time limit, an event is refused with {@code RATE_LIMITED} and a retry hint
 * instead of piling up: an overloaded node answers every event within about the time limit, and a refused event
 * changed nothing, so the client may send it again (a send with the same {@code clientMessageId}).
 */
final class Backlog {
    static final long RETRY_AFTER_SECONDS = 1;

    private final int perSocket;
    private final int perNode;
    private final long deadlineNanos;
    private final AtomicInteger onNode = new AtomicInteger();
    private final ConcurrentMap<UUID, AtomicInteger> bySocket = new ConcurrentHashMap<>();
    private final Counter fullSocket;
    private final Counter fullNode;
    private final Counter late;

    Backlog(int perSocket, int perNode, Duration deadline, MeterRegistry registry) {
        this.perSocket = perSocket;
        this.perNode = perNode;
        this.deadlineNanos = deadline.toNanos();
        this.fullSocket = refusals(registry, "socket-full");
        this.fullNode = refusals(registry, "node-full");
        this.late = refusals(registry, "deadline");
    }

    /** The one definition of the refusal counter; {@link SendsInFlight} counts its own reason on it. */
    static Counter refusals(MeterRegistry registry, String reason) {
        return Counter.builder("parley.socket.queue.refusals")
                .description("socket events refused because a queue was full or they waited too long")
                .tag("reason", reason).register(registry);
    }

    /** A place in the queue for one event of the socket, or null when the socket or the node is full. */
    Ticket admit(UUID socket) {
        if (onNode.incrementAndGet() > perNode) {
            onNode.decrementAndGet();
            fullNode.increment();
            return null;
        }
        AtomicInteger mine = bySocket.computeIfAbsent(socket, id -> new AtomicInteger());
        if (mine.incrementAndGet() > perSocket) {
            release(socket, mine);
            fullSocket.increment();
            return null;
        }
        return new Ticket(socket, mine, System.nanoTime());
    }

    private void release(UUID socket, AtomicInteger mine) {
        onNode.decrementAndGet();
        if (mine.decrementAndGet() == 0) bySocket.remove(socket, mine);
        // A ticket admitted between the decrement and the removal counts on a fresh counter: at worst a socket
        // briefly gets one more place than its bound, never fewer.
    }

    static ApiError busy() {
        return ApiError.of(ErrorCode.RATE_LIMITED, "the server is busy; send again shortly",
                Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    /** One admitted event: released when it finishes, refused at its start when it waited too long. */
    final class Ticket {
        private final UUID socket;
        private final AtomicInteger counter;
        private final long admittedAt;

        private Ticket(UUID socket, AtomicInteger counter, long admittedAt) {
            this.socket = socket;
            this.counter = counter;
            this.admittedAt = admittedAt;
        }

        boolean expired() {
            if (System.nanoTime() - admittedAt <= deadlineNanos) return false;
            late.increment();
            return true;
        }

        void done() {
            release(socket, counter);
        }
    }
}
