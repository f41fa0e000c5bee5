package io.parley.bench.bare;

import java.util.concurrent.CountDownLatch;

/**
 * The bare baseline as a process of its own, so its CPU, memory and garbage collection are measured apart from
 * the harness, as Parley's are. Configured by the environment: BARE_PORT, BARE_DB_URL, BARE_DB_USER,
 * BARE_DB_PASSWORD, BARE_THREADS. Runs until SIGTERM; the tables stay for whoever made the schema to drop.
 */
public final class BareMain {
    /** Threads that run blocking handlers, and JDBC connections: as many as Parley's socket-worker pool. */
    public static final int DEFAULT_THREADS = 16;

    private BareMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("BARE_PORT", "0"));
        int threads = Integer.parseInt(env("BARE_THREADS", String.valueOf(DEFAULT_THREADS)));
        BareStore store = new BareStore(env("BARE_DB_URL", null), env("BARE_DB_USER", null),
                env("BARE_DB_PASSWORD", null), threads);
        store.createTables();
        BareServer server = new BareServer("127.0.0.1", port, store, threads);
        System.out.println("bare: Socket.IO on 127.0.0.1:" + server.port() + ", " + threads + " handler threads");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "bare-stop"));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value != null) return value;
        if (fallback == null && !name.endsWith("PASSWORD") && !name.endsWith("USER")) {
            throw new IllegalArgumentException(name + " is required");
        }
        return fallback;
    }
}
