package io.parley.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/** Finds the PostgreSQL the tests may use, once per JVM, and hands out fresh schemas on it. */
public final class PostgresServer {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static Optional<PostgresServer> instance;
    private static String whyNot = "";

    private final String baseUrl;
    private final String user;
    private final String password;

    private PostgresServer(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized Optional<PostgresServer> get() {
        if (instance == null) instance = find();
        return instance;
    }

    static String whyNot() {
        return whyNot;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates an empty schema and returns a URL whose connections use it. */
    public String freshSchemaUrl() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(baseUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + baseUrl, e);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static Optional<PostgresServer> find() {
        String url = env("CHAT_TEST_DB_URL", DEFAULT_URL);
        String user = env("CHAT_TEST_DB_USER", "postgres");
        String password = env("CHAT_TEST_DB_PASSWORD", "");
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return Optional.of(new PostgresServer(url, user, password));
        } catch (SQLException e) {
            whyNot = url + ": " + e.getMessage();
        }
        return Testcontainer.start().map(c -> new PostgresServer(c[0], c[1], c[2]));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Testcontainers' PostgreSQL, used only where a Docker engine answers. */
    private static final class Testcontainer {
        static Optional<String[]> start() {
            try {
                if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                    whyNot += "; no Docker engine for Testcontainers";
                    return Optional.empty();
                }
                var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
                return Optional.of(new String[]{container.getJdbcUrl(), container.getUsername(),
                        container.getPassword()});
            } catch (Throwable t) {
                whyNot += "; Testcontainers: " + t.getMessage();
                return Optional.empty();
            }
        }
    }
}
