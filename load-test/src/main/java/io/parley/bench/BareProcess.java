package io.parley.bench;

import io.parley.bench.bare.BareMain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The bare baseline ({@link BareMain}) in a JVM of its own on a free loopback port, on the run's database: a
 * fresh schema of Parley's PostgreSQL, or an H2 file with Parley's embedded settings in a temporary directory.
 * Closing it stops the process and drops the schema or the directory.
 */
final class BareProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final JmxHeap heap;
    private final Database admin;
    private final String schema;
    private final Path dir;

    private BareProcess(Process process, int port, JmxHeap heap, Database admin, String schema, Path dir) {
        this.process = process;
        this.port = port;
        this.heap = heap;
        this.admin = admin;
        this.schema = schema;
        this.dir = dir;
    }

    /** Starts it on the engine of {@code parleyDb} (H2 when null) and waits until its socket port answers. */
    static BareProcess start(Database parleyDb, List<String> jvmOpts, int threads, Path log) throws Exception {
        Database admin = null;
        String schema = null;
        Path dir = null;
        Database db;
        if (parleyDb == null || parleyDb.isH2()) {
            dir = Files.createTempDirectory("parley-bare-");
            db = Database.h2File(dir.resolve("bare"));
        } else {
            String base = parleyDb.url().replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
            admin = new Database(base, parleyDb.user(), parleyDb.password());
            schema = "bare_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = admin.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            db = new Database(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    parleyDb.user(), parleyDb.password());
        }
        int port = freePort();
        int jmx = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOpts);
        command.addAll(JmxHeap.agentFlags(jmx));
        command.addAll(mainClass());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("BARE_PORT", String.valueOf(port));
        env.put("BARE_THREADS", String.valueOf(threads));
        env.put("BARE_DB_URL", db.url());
        if (db.user() != null) env.put("BARE_DB_USER", db.user());
        if (db.password() != null) env.put("BARE_DB_PASSWORD", db.password());
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-bare-stop"));
        BareProcess bare = new BareProcess(process, port, new JmxHeap(jmx), admin, schema, dir);
        bare.awaitListening(60, log);
        return bare;
    }

    /** How to run BareMain from the harness's own classpath: classes and jars, or the Spring Boot jar. */
    private static List<String> mainClass() {
        String classpath = System.getProperty("java.class.path");
        if (BareMain.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            return List.of("-cp", classpath, BareMain.class.getName());
        }
        return List.of("-cp", classpath, "-Dloader.main=" + BareMain.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    private void awaitListening(int seconds, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("bare exited with " + process.exitValue()
                    + "; see " + log);
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Pause.millis(100);
            }
        }
        close();
        throw new IllegalStateException("bare did not listen within " + seconds + " s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    String socketUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Bytes of heap the process uses, over JMX; -1 if unknown. */
    long heapUsed() {
        return heap.used();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s), then drops its schema or removes its directory. */
    @Override
    public void close() {
        heap.close();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (schema != null) {
            try (Connection c = admin.connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (Exception e) {
                System.err.println("bench: could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        LocalServer.deleteTree(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
