package io.parley.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Command-side settings under {@code chat.*}: {@code CHAT_AUTO_CLOSE_HOURS} (default 24) and
 * {@code CHAT_SNAPSHOT_THRESHOLD} (a snapshot every N events of a chat, default 100).
 */
@ConfigurationProperties("chat")
public record CommandSideProperties(@DefaultValue("24") double autoCloseHours,
                                    @DefaultValue("100") int snapshotThreshold) {

    public Duration autoCloseAfter() {
        return Duration.ofMillis((long) (autoCloseHours * 3_600_000));
    }
}
