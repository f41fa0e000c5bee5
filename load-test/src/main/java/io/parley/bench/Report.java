package io.parley.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes report.json (every figure and the run's parameters), report.png and summary.txt, and prints the summary. */
final class Report {
    static final double SATURATED_CPU_PERCENT = 80;
    static final double LATE_SCHEDULE_MS = 10;
    /** Threads of the raw JDBC ceiling run in the harness too, but they measure the database, not Parley. */
    static final String RAW_THREAD_PREFIX = "raw-jdbc-";

    private Report() {
    }

    static ObjectNode write(Run run, Instant started, double loadAtStart, ThreadCpu threads) throws IOException {
        ObjectNode root = Rest.JSON.createObjectNode();
        root.put("scenario", run.options.scenario);
        root.put("startedAt", started.toString());
        root.put("finishedAt", Instant.now().toString());
        root.set("parameters", Rest.JSON.valueToTree(run.options.parameters()));
        root.set("environment", environment(run, loadAtStart));
        root.set("results", run.results);
        ObjectNode checks = run.checks.deepCopy();
        boolean zero = true;
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = run.checks.fields();
             it.hasNext(); ) {
            zero &= it.next().getValue().asLong() == 0;
        }
        checks.put("allZero", zero);
        root.set("checks", checks);
        root.set("generator", generator(run, threads));
        root.set("server", server(run));
        root.set("timeline", Rest.JSON.valueToTree(run.sampler == null ? List.of() : run.sampler.samples()));
        ArrayNode notes = root.putArray("notes");
        run.notes.forEach(notes::add);
        ObjectNode files = root.putObject("files");
        Path dir = run.options.out;
        files.put("report", dir.resolve("report.json").toString());
        files.put("plot", dir.resolve("report.png").toString());
        files.put("summary", dir.resolve("summary.txt").toString());
        if (run.target.owned() != null) files.put("serverLog", run.target.owned().log.toString());
        Path bareLog = dir.resolve("bare-server.log");
        if (Files.exists(bareLog)) files.put("bareLog", bareLog.toString());
        Plot.write(dir.resolve("report.png"), "Parley " + run.options.scenario, run.plotted,
                run.sampler == null ? List.of() : run.sampler.samples());
        Rest.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("report.json").toFile(), root);
        String summary = summary(run, root);
        Files.writeString(dir.resolve("summary.txt"), summary);
        System.out.print(summary);
        return root;
    }

    private static ObjectNode environment(Run run, double loadAtStart) {
        ObjectNode env = Rest.JSON.createObjectNode();
        env.put("cores", ProcStats.cores());
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("loadAverageAtStart", loadAtStart);
        env.put("loadAverageAtEnd", ProcStats.loadAverage());
        env.put("server", run.target.http() == null ? "none (--baseline only)"
                : run.target.local() ? "started by the harness" : "external (--target)");
        env.put("http", run.target.http());
        env.put("socketUrl", run.target.socketUrl());
        // Without a server (--baseline only) and without --db-url, bare runs on an H2 file of its own.
        env.put("database", run.target.database() != null ? run.target.database().kind()
                : run.target.http() == null ? "h2-file" : "unknown");
        if (run.target.database() != null) env.put("databaseUrl", run.target.database().describe());
        return env;
    }

    private static ObjectNode generator(Run run, ThreadCpu threads) {
        ObjectNode gen = Rest.JSON.createObjectNode();
        double cpu = run.sampler == null ? -1 : run.sampler.harnessCpuAverage();
        Object[] busiest = threads.busiest();
        // The busiest thread of any one second tells a saturated event loop better than a whole-run average.
        for (Sampler.Sample sample : run.sampler == null ? List.<Sampler.Sample>of() : run.sampler.samples()) {
            if (sample.busiestHarnessThreadCpuPercent() > (Double) busiest[1]
                    && !sample.busiestHarnessThread().startsWith(RAW_THREAD_PREFIX)) {
                busiest = new Object[]{sample.busiestHarnessThread(), sample.busiestHarnessThreadCpuPercent()};
            }
        }
        gen.put("cpuPercentOfOneCore", cpu);
        gen.put("busiestThread", (String) busiest[0]);
        gen.put("busiestThreadCpuPercent", (Double) busiest[1]);
        gen.put("busiestThreadMeaning", "the harness thread with the most CPU in any one second, % of a core");
        gen.put("threads", ProcStats.harnessThreads());
        List<String> reasons = new ArrayList<>();
        if ((Double) busiest[1] > SATURATED_CPU_PERCENT) {
            reasons.add("harness thread '" + busiest[0] + "' used " + busiest[1] + "% of a core");
        }
        if (run.scheduleLag != null) {
            gen.set("scheduleLag", Latencies.json(run.scheduleLag));
            double p99 = run.scheduleLag.getValueAtPercentile(99) / 1000.0;
            if (p99 > LATE_SCHEDULE_MS) reasons.add("the send schedule ran late (p99 " + p99 + " ms)");
        }
        double machine = run.sampler == null ? 0 : run.sampler.samples().stream()
                .mapToDouble(Sampler.Sample::machineBusyPercent).average().orElse(0);
        gen.put("machineBusyPercent", Sampler.round(machine));
        if (machine > 95) reasons.add("the machine's CPUs were busy " + Sampler.round(machine)
                + "% of the time (harness and server share them)");
        gen.put("saturated", !reasons.isEmpty());
        ArrayNode why = gen.putArray("saturationReasons");
        reasons.forEach(why::add);
        return gen;
    }

    private static ObjectNode server(Run run) {
        ObjectNode server = Rest.JSON.createObjectNode();
        server.put("pid", run.sampler == null ? run.target.pid() : run.sampler.pid());
        if (run.sampler != null) {
            server.setAll(run.sampler.server(run.timelineHeapSource));
        } else {
            server.put("cpuPercentOfOneCore", -1);
            server.put("rssMaxBytes", -1);
            server.put("heapUsedMaxBytes", -1);
        }
        return server;
    }

    private static String summary(Run run, ObjectNode root) {
        StringBuilder out = new StringBuilder();
        out.append("\n== Parley benchmark: ").append(run.options.scenario).append(" ==\n");
        ObjectNode env = (ObjectNode) root.get("environment");
        out.append(String.format("server %s, database %s, %d cores, load average %.2f -> %.2f%n",
                env.path("server").asText(), env.path("database").asText(), env.path("cores").asInt(),
                env.path("loadAverageAtStart").asDouble(), env.path("loadAverageAtEnd").asDouble()));
        run.summary.forEach(line -> out.append("  ").append(line).append('\n'));
        ObjectNode checks = (ObjectNode) root.get("checks");
        if (checks.size() > 1) {
            out.append("  checks: ");
            checks.fields().forEachRemaining(e -> out.append(e.getKey()).append('=').append(e.getValue()).append(' '));
            out.append('\n');
        }
        ObjectNode gen = (ObjectNode) root.get("generator");
        out.append(String.format("  generator: %.0f%% of one core, busiest thread %s %.0f%%, %s%n",
                gen.path("cpuPercentOfOneCore").asDouble(), gen.path("busiestThread").asText(),
                gen.path("busiestThreadCpuPercent").asDouble(),
                gen.path("saturated").asBoolean() ? "SATURATED: " + gen.path("saturationReasons")
                        : "not saturated"));
        ObjectNode server = (ObjectNode) root.get("server");
        if (server.path("pid").asLong() > 0) {
            out.append(String.format("  server: %.0f%% of one core, RSS max %d MiB, heap max %d MiB%n",
                    server.path("cpuPercentOfOneCore").asDouble(), server.path("rssMaxBytes").asLong() >> 20,
                    server.path("heapUsedMaxBytes").asLong() >> 20));
        }
        run.notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        out.append("  report: ").append(run.options.out.resolve("report.json")).append(", plot: ")
                .append(run.options.out.resolve("report.png")).append('\n');
        return out.toString();
    }
}
