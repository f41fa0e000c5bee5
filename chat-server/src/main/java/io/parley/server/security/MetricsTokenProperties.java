package io.parley.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CHAT_METRICS_TOKEN}: the secret a Prometheus server sends as its bearer token to scrape
 * {@code /actuator/prometheus} ({@link MetricsScrapeFilter}). Unset: only admins may scrape. Set, it must be at
 * least 32 characters, or the server refuses to start.
 */
@ConfigurationProperties("chat")
public record MetricsTokenProperties(String metricsToken) {
    static final int MIN_LENGTH = 32;

    public MetricsTokenProperties {
        if (metricsToken != null && !metricsToken.isBlank() && metricsToken.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("CHAT_METRICS_TOKEN must be at least " + MIN_LENGTH
                    + " characters (a random secret, e.g. openssl rand -hex 32)");
        }
    }
}
