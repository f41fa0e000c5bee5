package io.parley.server.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the data directory to an absolute path, creates it, and points the datasource at the embedded H2
 * file database inside it unless {@code CHAT_DB_URL} chose another database.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Path dataDir = Path.of(env.getProperty("chat.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new HashMap<>();
        derived.put("chat.data-dir", dataDir.toString());
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
            }
            // DB_CLOSE_ON_EXIT=FALSE: the pool closes the database at shutdown, after the event processors have
            // released their claims; H2's own shutdown hook would close it under them first.
            derived.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("parley")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
            if (env.getProperty("spring.datasource.username", "").isBlank()) {
                derived.put("spring.datasource.username", "sa");
            }
        }
        env.getPropertySources().addFirst(new MapPropertySource("parleyDataDirectory", derived));
    }
}
