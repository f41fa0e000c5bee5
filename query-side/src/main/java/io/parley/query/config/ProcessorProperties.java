package io.parley.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the read-model processors share work between nodes, under {@code chat.*}:
 * {@code CHAT_PROCESSOR_SEGMENTS} (segments per processor on a new database, default 4, also the threads each
 * node keeps so that it can take every segment over), {@code CHAT_PROCESSOR_CLAIM_TIMEOUT} (a node silent for
 * this long loses its claims to the others, default 10s) and {@code CHAT_PROCESSOR_CLAIM_INTERVAL} (how often an
 * idle processor thread tries to claim a free segment, default 1s).
 */
@ConfigurationProperties("chat")
public record ProcessorProperties(@DefaultValue("4") int processorSegments,
                                  @DefaultValue("10s") Duration processorClaimTimeout,
                                  @DefaultValue("1s") Duration processorClaimInterval) {

    public ProcessorProperties {
        if (processorSegments < 1) {
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
