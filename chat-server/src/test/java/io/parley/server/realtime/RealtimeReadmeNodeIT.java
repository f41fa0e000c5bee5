package io.parley.server.realtime;

import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise: a Node script using socket.io-client 4.x, written from the README and the contract
 * alone ({@code realtime-projector/src/test/node/readme-flow.mjs}), runs seed 000's flow against this server.
 * Skipped, loudly, where Node.js or npm is not installed.
 */
@H2Database
class RealtimeReadmeNodeIT extends RealtimeTestBase {

    @Test
    void theReadmesNodeClientRunsTheSeedFlow() throws Exception {
        Assumptions.assumeTrue(available("node") && available("npm"), () -> {
            System.err.println("\n*** SKIPPED: RealtimeReadmeNodeIT — node and npm are not on the PATH, so the README's"
                    + " socket.io-client 4.x flow was NOT run. Install Node.js 18+ to run it. ***\n");
            return "node/npm not installed";
        });
        Path dir = nodeProject();
        Run install = run(dir, Map.of(), 300, "npm", "ci", "--no-audit", "--no-fund");
        assertThat(install.exit()).as("npm ci in " + dir + ":\n" + install.output()).isZero();

        Run flow = run(dir, Map.of(
                "PARLEY_API", "http://127.0.0.1:" + httpPort,
                "PARLEY_SOCKET", "http://127.0.0.1:" + socketServer.port(),
                "PARLEY_ADMIN_EMAIL", "admin@parley.test",
                "PARLEY_ADMIN_PASSWORD", "admin-password-1"), 150, "node", "readme-flow.mjs");
        System.out.println(flow.output());
        assertThat(flow.exit()).as(flow.output()).isZero();
        assertThat(flow.output()).contains("passed, 0 failed");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, Map<String, String> env, int seconds, String... command) throws Exception {
        File log = Files.createTempFile("node-run", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "timed out after " + seconds + " s\n" + Files.readString(log.toPath()));
        }
        return new Run(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static boolean available(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** realtime-projector/src/test/node, found from the module's working directory or the repository root. */
    private static Path nodeProject() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("realtime-projector/src/test/node");
            if (Files.isRegularFile(candidate.resolve("readme-flow.mjs"))) return candidate;
        }
        throw new IllegalStateException("realtime-projector/src/test/node not found above " + here);
    }
}
