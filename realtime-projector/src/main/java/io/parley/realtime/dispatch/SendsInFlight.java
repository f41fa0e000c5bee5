package io.parley.realtime.dispatch;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;

/**
 * The node's bound on message sends between their turn on a worker and their answer (the command, its commit and
 * the ack). The queue in front ({@link Backlog}) bounds how long a send waits for a worker; this bounds what
 * happens after: when the database or the CPU slows down, more sends in flight only make every one of them
 * slower, so the bound adapts to the time a send takes (Netflix's concurrency-limits, gradient algorithm: the
 * limit shrinks while sends take longer than they usually do, and grows back when they speed up). A send over the
 * limit is refused at once with {@code RATE_LIMITED} and a retry hint, so an overloaded node answers every send
 * within about the queue's deadline plus one send's time, instead of answering all of them late.
 */
final class SendsInFlight {
    /** No more than the socket workers can run at once. */
    private static final int MAX = 16;

    private final Limiter<Void> limiter;
    private final Counter refused;

    SendsInFlight(MeterRegistry registry) {
        Gradient2Limit limit = Gradient2Limit.newBuilder()
                .initialLimit(MAX)
                .minLimit(2)
                .maxConcurrency(MAX)
                .build();
        this.limiter = SimpleLimiter.newBuilder().named("sends").limit(limit).build();
        this.refused = Backlog.refusals(registry, "in-flight");
        Gauge.builder("parley.socket.sends.limit", limit, Gradient2Limit::getLimit)
                .description("sends the node lets run at once (adapts to how long sends take)")
                .register(registry);
    }

    /** A place for one send, or empty (and counted) when the node has as many in flight as it takes now. */
    Optional<Limiter.Listener> acquire() {
        Optional<Limiter.Listener> place = limiter.acquire(null);
        if (place.isEmpty()) refused.increment();
        return place;
    }
}
