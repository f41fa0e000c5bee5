package io.parley.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the read-model processors share work between nodes, under {@code chat.*}:
 * {@code CHAT_PROCESSOR_SEGMENTS} (segments per processor on a new database; by default 1 on a single node and 4
 * when nodes share Redis, see {@link #segments}), {@code CHAT_PROCESSOR_CLAIM_TIMEOUT} (a node silent for
 * this long loses its claims to the others, default 10s) and {@code CHAT_PROCESSOR_CLAIM_INTERVAL} (how often a
 * processor tries to claim a free segment, default 1s).
 */
@ConfigurationProperties("chat")
public record ProcessorProperties(Integer processorSegments,
                                  @DefaultValue("10s") Duration processorClaimTimeout,
                                  @DefaultValue("1s") Duration processorClaimInterval,
                                  @DefaultValue("") String redisUrl) {
    /** Segments by default when several nodes share the database, so that each can take a share. */
    static final int CLUSTER_SEGMENTS = 4;

    public ProcessorProperties {
        if (processorSegments != null && processorSegments < 1) {
            throw new IllegalArgumentException("CHAT_PROCESSOR_SEGMENTS must be at least 1");
        }
        // A live node extends its claims about every second; a shorter timeout would let others steal them.
        if (processorClaimTimeout.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("CHAT_PROCESSOR_CLAIM_TIMEOUT must be at least 3s");
        }
        if (processorClaimInterval.isNegative() || processorClaimInterval.isZero()) {
            throw new IllegalArgumentException("CHAT_PROCESSOR_CLAIM_INTERVAL must be positive");
        }
    }

    /**
     * Segments a new database's processor is split into. One segment applies each gathering window's events as
     * one batch; more segments split the same events into more, smaller batches, which only pays off when other
     * nodes take a share. So a single node defaults to one, and nodes sharing Redis (CHAT_REDIS_URL) to four.
     */
    public int segments() {
        if (processorSegments != null) return processorSegments;
        return redisUrl == null || redisUrl.isBlank() ? 1 : CLUSTER_SEGMENTS;
    }

    /** Membership lapses before processor claims do, so a dead node never counts while its segments move. */
    Duration membershipTimeout() {
        return processorClaimTimeout.dividedBy(2);
    }

    /** How often a node renews its membership and checks its share of segments. */
    Duration balanceInterval() {
        Duration third = membershipTimeout().dividedBy(3);
        return processorClaimInterval.compareTo(third) < 0 ? processorClaimInterval : third;
    }

    /** A released segment stays off-limits to its releaser this long, time enough for another node to claim it. */
    Duration releaseDuration() {
        return processorClaimTimeout;
    }
}
