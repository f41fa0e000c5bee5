package io.parley.server.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Properties every test context gets: its own data directory, a fixed JWT secret, fast policies and, unless the
 * test sets them, no rate limits.
 */
final class TestProperties {
    static final String JWT_SECRET = "test-secret-0123456789-0123456789-0123456789-abcdef";

    private TestProperties() {
    }

    static void apply(ConfigurableApplicationContext context, String url, String user, String password) {
        try {
            String dataDir = Files.createTempDirectory("parley-test").toString();
            TestPropertyValues.of(
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=" + user,
                    "spring.datasource.password=" + password,
                    "chat.data-dir=" + dataDir,
                    "chat.jwt-secret=" + JWT_SECRET,
                    "chat.admin-email=admin@parley.test",
                    "chat.admin-password=admin-password-1",
                    "chat.socket-port=0",
                    // Many cached test contexts share one PostgreSQL (100 connections): keep each pool small.
                    "spring.datasource.hikari.maximum-pool-size=6",
                    "spring.datasource.hikari.minimum-idle=1",
                    // Quiet logs keep the console readable, so a skipped PostgreSQL suite stands out.
                    "logging.level.root=WARN"
            ).applyTo(context);
            // The suites make far more requests per person than the contract's limits allow; RateLimitH2IT
            // sets its own limits, which these defaults leave alone.
            PropertySource<?> inlined = context.getEnvironment().getPropertySources()
                    .get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
            for (String limit : List.of("rest-per-minute", "rest-staff-per-minute", "send-per-minute")) {
                String name = "chat.rate-limit." + limit;
                if (inlined == null || !inlined.containsProperty(name)) {
                    TestPropertyValues.of(name + "=0").applyTo(context);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
