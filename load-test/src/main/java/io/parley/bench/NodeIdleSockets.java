package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Idle sockets held by the official Node.js {@code socket.io-client} 4.x in a child process
 * ({@code load-test/node/idle-sockets.mjs}): one event loop holds tens of thousands of connections, where the
 * official Java client keeps threads per socket. Installs the script's locked dependencies on first use.
 */
final class NodeIdleSockets implements IdleSockets {
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    private final CompletableFuture<long[]> ramped = new CompletableFuture<>();

    private NodeIdleSockets(Process process, Histogram connectMicros, LongAdder opened,
                            Map<String, LongAdder> failures) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> read(connectMicros, opened, failures), "node-idle-sockets");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts opening {@code count} sockets at {@code perSecond}, round robin over {@code tokens}. */
    static NodeIdleSockets start(String socketUrl, List<String> tokens, int count, int perSecond, Path workDir,
                                 Histogram connectMicros, LongAdder opened, Map<String, LongAdder> failures)
            throws IOException, InterruptedException {
        Path dir = Bench.home().resolve("load-test/node");
        if (!Files.isDirectory(dir.resolve("node_modules/socket.io-client"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("npm-ci.log").toFile()).start();
            if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + dir + " failed, see " + workDir.resolve("npm-ci.log"));
            }
        }
        Path tokensFile = workDir.resolve("idle-tokens.txt");
        Files.write(tokensFile, tokens);
        Process process = new ProcessBuilder("node", "--max-old-space-size=4096", "idle-sockets.mjs", socketUrl,
                tokensFile.toString(), String.valueOf(count), String.valueOf(perSecond), "200", "30000")
                .directory(dir.toFile()).redirectError(workDir.resolve("idle-sockets.err").toFile()).start();
        return new NodeIdleSockets(process, connectMicros, opened, failures);
    }

    private void read(Histogram connectMicros, LongAdder opened, Map<String, LongAdder> failures) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode event = Rest.JSON.readTree(line);
                switch (event.path("t").asText()) {
                    case "c" -> {
                        connectMicros.recordValue(Math.min(DeliveryBook.MAX_MICROS, event.path("us").asLong()));
                        opened.increment();
                    }
                    case "f" -> failures.computeIfAbsent(event.path("reason").asText(), k -> new LongAdder())
                            .increment();
                    case "ramped" -> ramped.complete(new long[]{event.path("opened").asLong(),
                            event.path("failed").asLong()});
                    default -> answers.add(event);
                }
            }
        } catch (IOException e) {
            ramped.completeExceptionally(e);
        }
        ramped.completeExceptionally(new IllegalStateException("the node process ended (exit "
                + (process.isAlive() ? "?" : process.exitValue()) + "), see idle-sockets.err"));
    }

    @Override
    public CompletableFuture<long[]> ramped() {
        return ramped;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long open() throws IOException, InterruptedException {
        commands.write("count\n");
        commands.flush();
        JsonNode answer = answers.poll(30, TimeUnit.SECONDS);
        if (answer == null) throw new IllegalStateException("the node process did not answer 'count'");
        return answer.path("open").asLong();
    }

    @Override
    public void close() {
        try {
            commands.write("close\n");
            commands.flush();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
