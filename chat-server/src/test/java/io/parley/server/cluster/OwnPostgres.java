package io.parley.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own (initdb in a temporary directory, a free loopback port, trust auth), which
 * the test may crash ({@code pg_ctl stop -m immediate}) and start again on the same port without touching the
 * machine's shared PostgreSQL. Needs the server programs (Debian's {@code postgresql} package); run as root, the
 * server runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class OwnPostgres implements AutoCloseable {
    private final Path bin;
    private final Path data;
    private final int port;

    private OwnPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The newest installed server's programs ({@code /usr/lib/postgresql/<n>/bin}), if any. */
    static Optional<Path> programs() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static OwnPostgres start(Path bin) {
        try {
            Path data = Files.createTempDirectory("parley-own-pg-");
            OwnPostgres pg = new OwnPostgres(bin, data, FreePorts.pick(1)[0]);
            if (asRoot()) run(List.of("chown", "postgres:postgres", data.toString()), 30);
            pg.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8"), 120);
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void start() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "-t", "60",
                "start"), 90);
    }

    /** Stops the server as a crash would: every connection drops, and the next start recovers from the WAL. */
    void crash() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
        } catch (RuntimeException alreadyStopped) {
            // it was crashed by the test and not started again
        }
    }

    private void pg(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asRoot()) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        run(full, timeoutSeconds);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
