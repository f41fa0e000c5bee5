package io.parley.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Redis server of one test's own, on a free loopback port, that the test may kill and start again (on the same
 * port) without touching the machine's shared Redis. Needs the {@code redis-server} program.
 */
final class OwnRedis implements AutoCloseable {
    private final Path program;
    private final int port;
    private final Path log;
    private Process process;

    private OwnRedis(Path program, int port, Path log) {
        this.program = program;
        this.port = port;
        this.log = log;
    }

    /** The {@code redis-server} on the PATH (or in /usr/bin, /usr/local/bin), if any. */
    static Optional<Path> program() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin:/usr/sbin";
        return Stream.of(path.split(":")).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable).findFirst();
    }

    static OwnRedis start(Path program, Path logDir) {
        OwnRedis redis = new OwnRedis(program, FreePorts.pick(1)[0], logDir.resolve("own-redis.log"));
        redis.start();
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again, on the same port) and waits until it answers. */
    void start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(List.of(program.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (RedisPing.ping(url()) != null) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + log);
            }
            ClusterSocket.sleep(50);
        }
    }

    /** Ends the server at once (SIGKILL), as a crash would: clients see their connections drop. */
    void kill() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        kill();
    }
}
