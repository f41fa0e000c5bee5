package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of every scenario against the packaged server on its embedded default (the reactor builds
 * chat-server first): each must end with lost, duplicated and out-of-order counts of 0 and a complete report.
 * No timing is asserted. chat and ceiling also run their bare baseline. chat, connections, history and ceiling
 * share one server (ceiling stops it to read its H2 file, so it runs last of them); replay starts its own, the
 * way ./bench.sh does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchScenariosIT {
    private static Target server;
    private static Path serverDir;

    @BeforeAll
    static void startServer() throws IOException {
        Path jar = Bench.home().resolve("chat-server/target/chat-server.jar");
        assertThat(jar).as("the packaged server (./mvnw package builds it before this module)").isRegularFile();
        serverDir = Files.createTempDirectory("bench-it-");
        server = LocalServer.start(jar, serverDir.resolve("server.log"), null, null, null, List.of("-Xmx1g"),
                false, 180);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.owned().close();
        LocalServer.deleteTree(serverDir);
    }

    @Test
    @Order(1)
    void chatDeliversEveryMessageOnceAndInOrder(@TempDir Path out) throws IOException {
        JsonNode report = run(server, out, "chat", "--duration", "4", "--warmup", "1", "--customers", "6",
                "--agents", "2", "--rate", "20");
        assertComplete(out, report, "chat");
        assertThat(report.at("/results/delivered").asLong()).isEqualTo(report.at("/results/acked").asLong())
                .isPositive();
        assertThat(report.at("/results/latency/sendToReceive/count").asLong()).isPositive();
        assertThat(report.at("/results/latency/sendToReceive").fieldNames()).toIterable()
                .contains("p50", "p90", "p99", "p999", "max");
        assertThat(report.at("/generator/scheduleLag/p99").isNumber()).isTrue();
        // The same load on the bare baseline, compared.
        assertThat(report.at("/results/baseline/delivered").asLong())
                .isEqualTo(report.at("/results/baseline/acked").asLong()).isPositive();
        assertThat(report.at("/results/baseline/server/heapUsedMaxBytes").asLong()).isPositive();
        assertThat(report.at("/results/vsBare/sendsPerSecond").asDouble()).isPositive();
        assertThat(report.at("/results/vsBare/sendToReceiveP99").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("Parley ÷ bare: sends/s");
    }

    @Test
    @Order(2)
    void connectionsHoldsEverySocketItOpened(@TempDir Path out) throws IOException {
        JsonNode report = run(server, out, "connections", "--duration", "3", "--connections", "120",
                "--active-percent", "10", "--rate", "10", "--ramp-per-second", "200", "--users", "5");
        assertComplete(out, report, "connections");
        assertThat(report.at("/results/connected").asLong()).isEqualTo(120);
        assertThat(report.at("/results/heldAtEnd").asLong()).isEqualTo(120);
        assertThat(report.at("/results/serverRssBytesAtFull").asLong()).isPositive();
        assertThat(report.at("/results/serverHeapUsedBytesAtFull").asLong()).isPositive();
        assertThat(report.at("/results/activeLatency/count").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void historyReadsFullPages(@TempDir Path out) throws IOException {
        JsonNode report = run(server, out, "history", "--messages", "240", "--chats", "4", "--requests", "100",
                "--page", "20");
        assertComplete(out, report, "history");
        assertThat(report.at("/results/messagesStored").asLong()).isEqualTo(240);
        assertThat(report.at("/results/pageLatency/count").asLong()).isEqualTo(100);
    }

    @Test
    @Order(4)
    void ceilingComparesParleyWithRawInsertsOnTheSameEngine(@TempDir Path out) throws IOException {
        JsonNode report = run(server, out, "ceiling", "--duration", "3", "--warmup", "1", "--senders", "4");
        assertComplete(out, report, "ceiling");
        assertThat(report.at("/results/parleyAckedSendsPerSecond").asDouble()).isPositive();
        assertThat(report.at("/results/rawInsertCommitsPerSecond").asDouble()).isPositive();
        assertThat(report.at("/results/ratio").asDouble()).isPositive();
        assertThat(report.at("/results/rowSource").asText()).isEqualTo("stored");
        assertThat(report.at("/results/rawDatabase").asText()).isEqualTo("h2-file");
        assertThat(report.at("/results/baseline/ackedSendsPerSecond").asDouble()).isPositive();
        assertThat(report.at("/results/bareRatio").asDouble()).isPositive();
        assertThat(report.at("/results/vsBare/sendToAckP50").asDouble()).isPositive();
    }

    @Test
    @Order(5)
    void replayRebuildsAProjectionOnAServerOfItsOwn(@TempDir Path out) throws IOException {
        JsonNode report = run(null, out, "replay", "--events", "400", "--senders", "4",
                "--server-jvm-opts", "-Xmx1g");
        assertComplete(out, report, "replay");
        assertThat(report.at("/results/rebuildFinished").asBoolean()).isTrue();
        assertThat(report.at("/results/events").asLong()).isGreaterThanOrEqualTo(400);
        assertThat(report.at("/results/rebuildEventsPerSecond").asDouble()).isPositive();
        assertThat(report.at("/results/rawScanRowsPerSecond").asDouble()).isPositive();
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("rebuild / scan");
    }

    private static JsonNode run(Target target, Path out, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args[0], "--out", out.toString(), "--quiet"));
        all.addAll(Arrays.asList(args).subList(1, args.length));
        Bench.Outcome outcome = Bench.run(target, all.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(() -> "exit code of " + all + "; checks "
                + (outcome.report() == null ? "none" : outcome.report().path("checks")) + "; notes "
                + (outcome.report() == null ? "none" : outcome.report().path("notes"))).isZero();
        return Rest.JSON.readTree(out.resolve("report.json").toFile());
    }

    private static void assertComplete(Path out, JsonNode report, String scenario) throws IOException {
        assertThat(report.path("scenario").asText()).isEqualTo(scenario);
        assertThat(report.path("parameters").path("scenario").asText()).isEqualTo(scenario);
        for (String field : List.of("startedAt", "finishedAt", "environment", "results", "checks", "generator",
                "server", "timeline", "notes", "files")) {
            assertThat(report.has(field)).as("report has " + field).isTrue();
        }
        JsonNode checks = report.path("checks");
        checks.fields().forEachRemaining(check -> {
            if (!check.getKey().equals("allZero")) {
                assertThat(check.getValue().asLong()).as(scenario + " check " + check.getKey()).isZero();
            }
        });
        assertThat(checks.path("allZero").asBoolean()).isTrue();
        if (!scenario.equals("history") && !scenario.equals("replay")) {
            assertThat(checks.fieldNames()).toIterable().contains("lost", "duplicated", "outOfOrder");
        }
        assertThat(report.at("/generator/cpuPercentOfOneCore").isNumber()).isTrue();
        assertThat(report.at("/generator/saturated").isBoolean()).isTrue();
        assertThat(report.at("/environment/loadAverageAtStart").isNumber()).isTrue();
        assertThat(report.at("/server/rssMaxBytes").asLong()).isPositive();
        assertThat(report.path("timeline")).isNotEmpty();
        assertThat(report.path("results").size()).isGreaterThan(3);
        byte[] png = Files.readAllBytes(out.resolve("report.png"));
        assertThat(png.length).isGreaterThan(1000);
        assertThat(new String(png, 1, 3)).isEqualTo("PNG");
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("Parley benchmark: " + scenario);
    }
}
