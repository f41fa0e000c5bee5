package io.parley.realtime.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this node's Redis answers: the one owner of that fact. While it does not, every user of Redis (relays,
 * presence across nodes, rate limits) skips it at once instead of waiting for a timeout on a client's socket
 * worker or request thread, so the node goes on serving its own sockets alone.
 *
 * <p>Any failed Redis call reports itself here and marks Redis down; only the heartbeat ({@link Cluster}) marks it
 * up again, after a call that went through. The way back up publishes {@link RedisRestored}: this node's sockets
 * may have missed relays, and so may the other nodes' ({@code sessions.Resync} tells both to re-join).
 */
@Component
public class RedisHealth {
    private static final Logger log = LoggerFactory.getLogger(RedisHealth.class);

    /** Redis answered again after failing since {@code downSince}. */
    public record RedisRestored(Instant downSince) {
    }

    private final ApplicationEventPublisher events;
    /** Null while Redis answers; else since when it has not. */
    private final AtomicReference<Instant> downSince = new AtomicReference<>();

    RedisHealth(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** True unless a call failed since the last heartbeat that went through. */
    public boolean up() {
        return downSince.get() == null;
    }

    /** Since when Redis has not answered; empty while it does. */
    public Optional<Instant> downSince() {
        return Optional.ofNullable(downSince.get());
    }

    /** A Redis call failed: every user skips Redis until the heartbeat gets through again. */
    public void failed(String what, Throwable cause) {
        if (downSince.compareAndSet(null, Instant.now())) {
            log.warn("Redis failed ({}): serving this node's sockets alone until it answers again: {}", what,
                    String.valueOf(cause));
        }
    }

    /** The heartbeat got through: Redis is back, if it was down. */
    void answered() {
        Instant since = downSince.getAndSet(null);
        if (since != null) {
            log.info("Redis answers again (down since {}): asking clients to re-join", since);
            events.publishEvent(new RedisRestored(since));
        }
    }
}
