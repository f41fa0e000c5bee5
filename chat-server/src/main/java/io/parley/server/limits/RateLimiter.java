package io.parley.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.realtime.cluster.RedisConnection;
import io.parley.realtime.cluster.RedisHealth;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Token buckets, one per key, that refill a whole minute's allowance evenly over the minute (bucket4j). One node
 * keeps them in memory; several nodes keep them in their shared Redis, so a client spreading requests over the
 * nodes gets the same allowance as on one. While Redis fails ({@link RedisHealth}) each node counts in its own
 * memory instead, at once and without waiting on Redis: a client spreading requests over the nodes then gets up
 * to one allowance per node, but never an unlimited one, and the limits never take the service down. Refusals are
 * counted per limit ({@code parley.rate.limit.refusals}).
 */
@Component
public class RateLimiter {
    /** A bucket idle this long is full again, so forgetting it changes nothing. */
    private static final Duration IDLE = Duration.ofMinutes(2);

    /** The verdict on one request: taken or not, what is left, and when to retry if not. */
    public record Verdict(boolean allowed, long remaining, long retryAfterSeconds) {
        static final Verdict UNLIMITED = new Verdict(true, Long.MAX_VALUE, 0);
    }

    /** The contract's limits: every REST request, and every message sent (socket or REST). */
    public enum Limit {
        REST("rest"), SEND("send"), UPLOAD("upload");

        private final String key;

        Limit(String key) {
            this.key = key;
        }
    }

    private final BooleanSupplier redisUp;
    private final Consumer<RuntimeException> redisFailed;
    private final ProxyManager<String> shared;
    private final String prefix;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().expireAfterAccess(IDLE).build();
    private final Counter[] refusals = new Counter[Limit.values().length];

    @Autowired
    RateLimiter(RedisConnection redis, RedisHealth health, MeterRegistry registry) {
        this(redis.client(), redis.keyPrefix(), health::up, e -> health.failed("rate limits", e), registry);
    }

    /**
     * Buckets in {@code redis} under {@code keyPrefix:limit:} while {@code redisUp}, or in this process when it is
     * empty or down; a failed Redis call is reported to {@code redisFailed}.
     */
    RateLimiter(Optional<RedissonClient> redis, String keyPrefix, BooleanSupplier redisUp,
                Consumer<RuntimeException> redisFailed, MeterRegistry registry) {
        this.prefix = keyPrefix + ":limit:";
        this.redisUp = redisUp;
        this.redisFailed = redisFailed;
        for (Limit limit : Limit.values()) {
            refusals[limit.ordinal()] = Counter.builder("parley.rate.limit.refusals")
                    .description("requests and messages refused by a rate limit")
                    .tag("limit", limit.key).register(registry);
        }
        this.shared = redis.map(client -> Bucket4jRedisson
                        .casBasedBuilder(((Redisson) client).getCommandExecutor())
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .requestTimeout(Duration.ofSeconds(2))
                        .build())
                .map(manager -> (ProxyManager<String>) manager)
                .orElse(null);
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code perMinute} under {@code limit}; a limit of 0 or less is
     * no limit.
     */
    public Verdict take(Limit limit, String key, int perMinute) {
        if (perMinute <= 0) return Verdict.UNLIMITED;
        // The allowance is part of the key: a changed limit starts a fresh bucket instead of a stale one.
        String bucketKey = limit.key + ":" + key + "/" + perMinute;
        ConsumptionProbe probe = null;
        if (shared != null && redisUp.getAsBoolean()) {
            try {
                probe = shared.builder().build(prefix + bucketKey,
                                () -> BucketConfiguration.builder().addLimit(allowance(perMinute)).build())
                        .tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException redisDown) {
                redisFailed.accept(redisDown);
            }
        }
        if (probe == null) {
            probe = local.get(bucketKey, k -> Bucket.builder().addLimit(allowance(perMinute)).build())
                    .tryConsumeAndReturnRemaining(1);
        }
        if (!probe.isConsumed()) refusals[limit.ordinal()].increment();
        long retryAfter = probe.isConsumed() ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Verdict(probe.isConsumed(), probe.getRemainingTokens(), retryAfter);
    }

    /** A minute's allowance, refilled evenly over the minute; built only when a bucket is created. */
    private static Bandwidth allowance(int perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }
}
