package io.parley.server.lifecycle;

import io.parley.server.cluster.FreePorts;
import io.parley.server.cluster.LocalCluster;
import io.parley.server.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged chat-server jar as an operator runs it: its own JVM on free loopback ports, configured only by the
 * contract's environment variables, its console written to a log file. Stopped with SIGTERM, as a service
 * manager or a container runtime stops it.
 */
final class JarProcess implements AutoCloseable {
    static final String ADMIN_EMAIL = "admin@parley.test";
    static final String ADMIN_PASSWORD = "admin-password-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int socketPort;

    private JarProcess(Process process, Path log, int httpPort, int socketPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.socketPort = socketPort;
    }

    /** Starts the jar with {@code env} on top of a fresh data directory and free ports; waits for health. */
    static JarProcess start(Path dataDir, Path log, Map<String, String> env) {
        int[] ports = FreePorts.pick(2);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", LocalCluster.jar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // Whatever the shell running the tests has set, this node uses only what is given here.
        environment.keySet().removeIf(name -> name.startsWith("CHAT_") || name.startsWith("SPRING_"));
        environment.put("CHAT_DATA_DIR", dataDir.toString());
        environment.put("CHAT_HTTP_PORT", Integer.toString(ports[0]));
        environment.put("CHAT_SOCKET_PORT", Integer.toString(ports[1]));
        environment.put("CHAT_SOCKET_HOST", "127.0.0.1");
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("CHAT_ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("CHAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // The senders outpace the contract's limits; refusals are not what the stop is about.
        environment.put("CHAT_RATE_LIMIT_REST", "0");
        environment.put("CHAT_RATE_LIMIT_SEND", "0");
        environment.putAll(env);
        try {
            JarProcess node = new JarProcess(builder.start(), log, ports[0], ports[1]);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api api() {
        return new Api(httpPort);
    }

    int socketPort() {
        return socketPort;
    }

    /** GET {@code path} with a bearer token, as text (not every actuator answer is JSON). */
    HttpResponse<String> getText(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, then the exit code once the JVM is gone. */
    int terminate(Duration within) {
        process.destroy();
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no exit within " + within + " of SIGTERM; log: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited during start (" + process.exitValue() + "):\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new AssertionError("not healthy within " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills a node a failed test left running. */
    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
