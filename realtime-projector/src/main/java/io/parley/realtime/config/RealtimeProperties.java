package io.parley.realtime.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Socket.IO settings under {@code chat.*}: {@code CHAT_SOCKET_PORT} (default 9092; 0 picks a free port, see
 * {@code SocketServer#port()}), {@code CHAT_SOCKET_HOST} (default all interfaces) and how long a typing indicator
 * lasts without a refresh ({@code CHAT_TYPING_TIMEOUT}, default 5s).
 */
@ConfigurationProperties("chat")
public record RealtimeProperties(@DefaultValue("9092") int socketPort,
                                 @DefaultValue("0.0.0.0") String socketHost,
                                 @DefaultValue("5s") Duration typingTimeout) {
}
