package io.parley.server.health;

import io.parley.realtime.cluster.RedisConnection;
import io.parley.realtime.cluster.RedisHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Reports the Redis that joins the nodes in {@code /actuator/health} as {@code redisRelay}: {@code configured},
 * {@code reachable} and, while it is not, {@code downSince}. A node without Redis is not down (it serves its own
 * sockets alone, docs/operations.md, "Redis outages"), so an outage shows as {@code degraded}, never as DOWN.
 */
@Component("redisRelay")
class RedisRelayHealthIndicator extends AbstractHealthIndicator {
    private final RedisConnection connection;
    private final RedisHealth health;

    RedisRelayHealthIndicator(RedisConnection connection, RedisHealth health) {
        this.connection = connection;
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean configured = connection.client().isPresent();
        builder.up().withDetail("configured", configured);
        if (!configured) return;
        builder.withDetail("reachable", health.up()).withDetail("degraded", !health.up());
        health.downSince().ifPresent(since -> builder.withDetail("downSince", since.toString()));
    }
}
