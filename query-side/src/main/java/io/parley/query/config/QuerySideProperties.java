package io.parley.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Query-side settings under {@code chat.*}: {@code CHAT_READ_YOUR_WRITES_TIMEOUT} (default 5s) bounds how long a
 * query waits for the read models to reflect the version its caller just wrote.
 */
@ConfigurationProperties("chat")
public record QuerySideProperties(@DefaultValue("5s") Duration readYourWritesTimeout) {
}
