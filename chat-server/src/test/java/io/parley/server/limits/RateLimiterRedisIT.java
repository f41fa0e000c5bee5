package io.parley.server.limits;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.server.cluster.LocalCluster;
import io.parley.server.cluster.RedisPing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes share one allowance: two limiters on the local Redis, as two nodes would hold them, draw on the
 * same buckets (bucket4j on Redisson). Skips loudly without Redis, and fails then in CI.
 */
class RateLimiterRedisIT {
    private static RedissonClient nodeA;
    private static RedissonClient nodeB;

    @BeforeAll
    static void connect() {
        String url = LocalCluster.redisUrl();
        String why = RedisPing.ping(url);
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CHAT_TEST_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("Redis not reachable at " + url + " (" + why + ") in CI");
            }
            System.err.println("\n*** SKIPPED RateLimiterRedisIT: Redis not reachable at " + url + " (" + why
                    + "). Start Redis on 127.0.0.1:6379 or set CHAT_REDIS_URL to run it. ***\n");
            Assumptions.abort("Redis not reachable at " + url);
        }
        nodeA = Redisson.create(config(url));
        nodeB = Redisson.create(config(url));
    }

    @AfterAll
    static void disconnect() {
        if (nodeA != null) nodeA.shutdown();
        if (nodeB != null) nodeB.shutdown();
    }

    @Test
    void twoNodesShareOneAllowance() {
        String prefix = "parley-it-limits-" + UUID.randomUUID();
        RateLimiter a = new RateLimiter(Optional.of(nodeA), prefix, () -> true, e -> { }, new SimpleMeterRegistry());
        RateLimiter b = new RateLimiter(Optional.of(nodeB), prefix, () -> true, e -> { }, new SimpleMeterRegistry());

        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            if ((i % 2 == 0 ? a : b).take(RateLimiter.Limit.REST, "user:ann", 10).allowed()) allowed++;
        }
        assertThat(allowed).as("requests allowed over both nodes").isBetween(10, 11);
        RateLimiter.Verdict refused = b.take(RateLimiter.Limit.REST, "user:ann", 10);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);
        assertThat(a.take(RateLimiter.Limit.REST, "user:bob", 10).remaining()).as("another key is untouched")
                .isEqualTo(9);
    }

    @Test
    void whileRedisIsDownEachNodeCountsInItsOwnMemory() {
        String prefix = "parley-it-limits-" + UUID.randomUUID();
        AtomicBoolean redisUp = new AtomicBoolean(false);
        RateLimiter a = new RateLimiter(Optional.of(nodeA), prefix, redisUp::get, e -> { }, new SimpleMeterRegistry());
        RateLimiter b = new RateLimiter(Optional.of(nodeB), prefix, redisUp::get, e -> { }, new SimpleMeterRegistry());

        for (int i = 0; i < 3; i++) assertThat(a.take(RateLimiter.Limit.REST, "user:ann", 3).allowed()).isTrue();
        assertThat(a.take(RateLimiter.Limit.REST, "user:ann", 3).allowed()).as("limited, not unlimited").isFalse();
        assertThat(b.take(RateLimiter.Limit.REST, "user:ann", 3).allowed()).as("the other node counts apart").isTrue();

        redisUp.set(true);
        assertThat(a.take(RateLimiter.Limit.REST, "user:ann", 3).remaining())
                .as("back on the shared bucket, which the outage did not touch").isEqualTo(2);
    }

    @Test
    void oneNodeAloneKeepsItsBucketsInMemory() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter alone = new RateLimiter(Optional.empty(), "unused", () -> true, e -> { }, meters);
        for (int i = 0; i < 3; i++) {
            assertThat(alone.take(RateLimiter.Limit.SEND, "ann:chat-1", 3).allowed()).isTrue();
        }
        assertThat(alone.take(RateLimiter.Limit.SEND, "ann:chat-1", 3).allowed()).isFalse();
        assertThat(alone.take(RateLimiter.Limit.SEND, "ann:chat-2", 3).allowed()).isTrue();
        assertThat(alone.take(RateLimiter.Limit.SEND, "ann:chat-1", 0).allowed()).as("0 is no limit").isTrue();
        assertThat(meters.get("parley.rate.limit.refusals").tag("limit", "send").counter().count()).isEqualTo(1);
        assertThat(meters.get("parley.rate.limit.refusals").tag("limit", "rest").counter().count()).isZero();
    }

    private static Config config(String url) {
        Config config = new Config();
        config.useSingleServer().setAddress(url);
        return config;
    }
}
