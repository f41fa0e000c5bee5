package io.parley.realtime.config;

import io.parley.realtime.server.SocketServer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Socket.IO settings under {@code chat.*}: {@code CHAT_SOCKET_PORT} (default 9092; 0 picks a free port, see
 * {@code SocketServer#port()}), {@code CHAT_SOCKET_HOST} (default all interfaces), how long a typing indicator
 * lasts without a refresh ({@code CHAT_TYPING_TIMEOUT}, default 5s), and the Redis that joins the nodes'
 * sockets ({@code CHAT_REDIS_URL}, unset = one node, everything in memory; {@code CHAT_REDIS_PREFIX}, default
 * {@code parley}, names this deployment's keys and channels so that deployments may share one Redis), and the
 * bounds on socket events waiting for a worker ({@code CHAT_SOCKET_QUEUE_PER_SOCKET}, default 32;
 * {@code CHAT_SOCKET_QUEUE_PER_NODE}, default 1000; {@code CHAT_SOCKET_QUEUE_DEADLINE}, default 100ms): over
 * them an event is refused with {@code RATE_LIMITED} and a retry hint rather than left to wait.
 */
@ConfigurationProperties("chat")
public record RealtimeProperties(@DefaultValue("9092") int socketPort,
                                 @DefaultValue("0.0.0.0") String socketHost,
                                 @DefaultValue("5s") Duration typingTimeout,
                                 String redisUrl,
                                 @DefaultValue("parley") String redisPrefix,
                                 @DefaultValue("32") int socketQueuePerSocket,
                                 @DefaultValue("1000") int socketQueuePerNode,
                                 @DefaultValue("100ms") Duration socketQueueDeadline) {

    public RealtimeProperties {
        if (socketQueuePerSocket < 1 || socketQueuePerNode < 1) {
            throw new IllegalArgumentException("CHAT_SOCKET_QUEUE_PER_SOCKET and _PER_NODE must be at least 1");
        }
        if (socketQueueDeadline.isNegative() || socketQueueDeadline.isZero()) {
            throw new IllegalArgumentException("CHAT_SOCKET_QUEUE_DEADLINE must be positive");
        }
    }

    public boolean clustered() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}
