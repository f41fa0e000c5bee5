package io.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Parley server the harness starts itself: {@code java -jar chat-server.jar} on free loopback ports, with a
 * temporary data directory (the embedded H2 default) or a fresh schema of the given PostgreSQL, and an admin
 * account from the environment. Stopping it removes what it created unless asked to keep it.
 */
final class LocalServer implements AutoCloseable {
    static final String ADMIN_EMAIL = "bench-admin@parley.local";
    static final String ADMIN_PASSWORD = "bench-admin-password-1";

    private final Process process;
    private final Path dataDir;
    private final Database database;
    private final String schema;
    private final boolean keep;
    final int httpPort;
    final int socketPort;
    final Path log;

    private LocalServer(Process process, Path dataDir, Database database, String schema, boolean keep,
                        int httpPort, int socketPort, Path log) {
        this.process = process;
        this.dataDir = dataDir;
        this.database = database;
        this.schema = schema;
        this.keep = keep;
        this.httpPort = httpPort;
        this.socketPort = socketPort;
        this.log = log;
    }

    /** Starts the server and waits (at most {@code startSeconds}) until its health endpoint answers 200. */
    static Target start(Path jar, Path logFile, String dbUrl, String dbUser, String dbPassword, List<String> jvmOpts,
                        boolean keep, int startSeconds) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        try {
            Path dataDir = Files.createTempDirectory("parley-bench-");
            int http = freePort();
            int socket = freePort();
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(jvmOpts);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = builder.environment();
            env.put("CHAT_DATA_DIR", dataDir.toString());
            env.put("CHAT_HTTP_PORT", String.valueOf(http));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("CHAT_SOCKET_PORT", String.valueOf(socket));
            env.put("CHAT_SOCKET_HOST", "127.0.0.1");
            env.put("CHAT_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("CHAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // A load test sends far beyond the contract's per-person limits; set them in the environment to
            // measure with them.
            for (String limit : List.of("CHAT_RATE_LIMIT_REST", "CHAT_RATE_LIMIT_REST_STAFF", "CHAT_RATE_LIMIT_SEND")) {
                env.putIfAbsent(limit, "0");
            }
            Database database;
            String schema = null;
            if (dbUrl == null) {
                database = Database.h2File(dataDir.resolve("parley"));
            } else {
                schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                database = new Database(dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                        dbUser, dbPassword);
                try (Connection c = new Database(dbUrl, dbUser, dbPassword).connect();
                     Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                env.put("CHAT_DB_URL", database.url());
                if (dbUser != null) env.put("CHAT_DB_USER", dbUser);
                if (dbPassword != null) env.put("CHAT_DB_PASSWORD", dbPassword);
                env.putIfAbsent("CHAT_JWT_SECRET", "bench-" + UUID.randomUUID() + UUID.randomUUID());
            }
            Process process = builder.start();
            // A harness stopped by Ctrl-C or a signal must not leave its server behind.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-server-stop"));
            LocalServer server = new LocalServer(process, dataDir, database, schema, keep, http, socket, logFile);
            Target target = new Target("http://127.0.0.1:" + http, "http://127.0.0.1:" + socket, ADMIN_EMAIL,
                    ADMIN_PASSWORD, database, process.pid(), server);
            server.awaitHealthy(new Rest(target.http()), startSeconds);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + dbUrl + ": " + e.getMessage(), e);
        }
    }

    private void awaitHealthy(Rest rest, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            if (rest.healthy()) return;
            Pause.millis(250);
        }
        close();
        throw new IllegalStateException("the server was not healthy within " + seconds + " s; see " + log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s) and removes its data unless kept. */
    @Override
    public void close() {
        stopProcess();
        if (keep) return;
        if (schema != null) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("bench: could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        deleteTree(dataDir);
    }

    void stopProcess() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    Path dataDir() {
        return dataDir;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not remove " + root + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
