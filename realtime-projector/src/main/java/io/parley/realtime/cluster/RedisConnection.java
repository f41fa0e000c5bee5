package io.parley.realtime.cluster;

import io.parley.realtime.config.RealtimeProperties;
import jakarta.annotation.PreDestroy;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The server's one Redis client, when {@code chat.redis-url} is set: the cluster relays, the presence across
 * nodes, netty-socketio's store and the rate limits all use it. Shut down with the application, after everything
 * that uses it.
 */
@Component
public class RedisConnection {
    private final RedissonClient client;
    private final String prefix;

    RedisConnection(RealtimeProperties properties) {
        this.prefix = properties.redisPrefix();
        this.client = properties.clustered() ? Redisson.create(config(properties.redisUrl())) : null;
    }

    /** The client; empty on a single node. */
    public Optional<RedissonClient> client() {
        return Optional.ofNullable(client);
    }

    /** Prefix of every key Parley keeps in Redis ({@code chat.redis-prefix}). */
    public String keyPrefix() {
        return prefix;
    }

    private static Config config(String url) {
        Config config = new Config();
        config.setThreads(4);
        config.setNettyThreads(4);
        // Fail within a second or so, not Redisson's 3 s plus retries: a caller that finds Redis down reports it to
        // RedisHealth, and the node serves its own sockets alone until the heartbeat gets through again. Three
        // quick retries ride over the pooled connections that broke when Redis restarted, which are renewed one
        // by one as they are next used.
        config.useSingleServer().setAddress(url)
                .setConnectTimeout(1_000).setTimeout(1_000).setRetryAttempts(3)
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(100)))
                .setConnectionMinimumIdleSize(2).setConnectionPoolSize(24)
                .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(8);
        return config;
    }

    @PreDestroy
    void close() {
        if (client != null) client.shutdown();
    }
}
