package io.parley.server.cluster;

import io.parley.server.support.Api;
import io.parley.server.support.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two Parley nodes started by {@code scripts/local-cluster.sh} from the built jar, on a fresh PostgreSQL schema,
 * with free loopback ports. Stopped by {@link #stop()}, and by a shutdown hook should a test run be cut short.
 */
public final class LocalCluster {
    static final String ADMIN_EMAIL = "admin@parley.test";
    static final String ADMIN_PASSWORD = "admin-password-1";
    private static final int NODES = 2;

    private final Path runDir;
    private final Map<String, String> env;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final int[] httpPorts;
    private int[] socketPorts = new int[0];
    private final Thread stopOnExit = new Thread(this::stop, "local-cluster-stop");
    private boolean stopped;

    private LocalCluster(Path runDir, Map<String, String> env, String dbUrl, String dbUser, String dbPassword,
                         int[] httpPorts) {
        this.runDir = runDir;
        this.env = env;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.httpPorts = httpPorts;
    }

    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/local-cluster.sh"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("scripts/local-cluster.sh not found above user.dir");
        return dir;
    }

    public static Path jar() {
        return root().resolve("chat-server/target/chat-server.jar");
    }

    public static String redisUrl() {
        String url = System.getenv("CHAT_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    /** Starts a cluster on a fresh schema of the tests' PostgreSQL and the local Redis. */
    static LocalCluster start(String name, Map<String, String> nodeEnv) {
        PostgresServer server = PostgresServer.get().orElseThrow();
        return start(name, server.freshSchemaUrl(), server.user(), server.password(), redisUrl(), nodeEnv);
    }

    static LocalCluster start(String name, String dbUrl, String dbUser, String dbPassword, String redisUrl,
                              Map<String, String> nodeEnv) {
        Path runDir = root().resolve("chat-server/target/cluster-it/" + name);
        int[] ports = FreePorts.pick(2 * NODES);
        int[] http = {ports[0], ports[1]};
        int[] socket = {ports[2], ports[3]};
        Map<String, String> env = new HashMap<>(nodeEnv);
        // The races send thousands of messages a minute: no rate limits unless a test asks for them.
        for (String limit : List.of("CHAT_RATE_LIMIT_REST", "CHAT_RATE_LIMIT_REST_STAFF", "CHAT_RATE_LIMIT_SEND")) {
            env.putIfAbsent(limit, "0");
        }
        env.put("CHAT_CLUSTER_DIR", runDir.toString());
        env.put("CHAT_CLUSTER_DB_URL", dbUrl);
        env.put("CHAT_CLUSTER_DB_USER", dbUser);
        env.put("CHAT_CLUSTER_DB_PASSWORD", dbPassword);
        env.put("CHAT_REDIS_URL", redisUrl);
        // Each cluster its own Redis keys and channels: other clusters may share the Redis.
        env.put("CHAT_REDIS_PREFIX", "parley-it-" + name + "-" + ports[0]);
        env.put("CHAT_CLUSTER_HTTP_PORTS", http[0] + " " + http[1]);
        env.put("CHAT_CLUSTER_SOCKET_PORTS", socket[0] + " " + socket[1]);
        env.put("CHAT_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("CHAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        LocalCluster cluster = new LocalCluster(runDir, env, dbUrl, dbUser, dbPassword, http);
        cluster.socketPorts = socket;
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        try {
            cluster.script("start", 300);
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    /** A client of node 1 or 2. */
    Api api(int node) {
        return new Api(httpPorts[node - 1]);
    }

    /** The HTTP port of node 1 or 2. */
    int httpPort(int node) {
        return httpPorts[node - 1];
    }

    /** The Socket.IO port of node 1 or 2. */
    int socketPort(int node) {
        return socketPorts[node - 1];
    }

    long pid(int node) {
        try {
            return Long.parseLong(Files.readString(runDir.resolve("node" + node + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a token claim's owner (Axon's node id, "pid@host") is this node. */
    boolean owns(int node, String owner) {
        return owner != null && owner.startsWith(pid(node) + "@");
    }

    /** Ends node 1 or 2 at once (SIGKILL), as a crash or a pulled plug would: it releases nothing. */
    void kill(int node) {
        ProcessHandle.of(pid(node)).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** Axon's token table as the nodes see it: who holds which segment, renewed when. */
    List<TokenClaims.Claim> claims() {
        return TokenClaims.read(dbUrl, dbUser, dbPassword);
    }

    synchronized void stop() {
        if (stopped) return;
        stopped = true;
        try {
            script("stop", 120);
        } finally {
            if (Thread.currentThread() != stopOnExit) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting already
                }
            }
        }
    }

    private void script(String command, int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder("bash", root().resolve("scripts/local-cluster.sh").toString(),
                command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(runDir);
            Path output = runDir.resolve("script-" + command + ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) process.destroyForcibly();
            System.out.print(Files.readString(output));
            if (!done || process.exitValue() != 0) {
                throw new IllegalStateException("local-cluster.sh " + command
                        + (done ? " failed with exit code " + process.exitValue() : " timed out")
                        + "; node logs in " + runDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
