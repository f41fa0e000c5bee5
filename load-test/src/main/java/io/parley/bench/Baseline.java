package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.bench.bare.BareMain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --baseline bare|none|only} (bare unless given): after Parley's leg, the same load against the bare
 * baseline on the same database engine, and the two compared as Parley ÷ bare; a ratio of 1 is the floor of this
 * stack. {@code only} runs bare alone, with no Parley server started at all.
 */
final class Baseline {
    static final List<String> CHOICES = List.of("bare", "none", "only");

    private Baseline() {
    }

    static boolean wanted(BenchOptions options) {
        return !options.text("baseline", "bare").equals("none");
    }

    /** True for {@code --baseline only}: the scenario skips Parley's leg and the harness starts no server. */
    static boolean only(BenchOptions options) {
        return options.text("baseline", "bare").equals("only");
    }

    /** The run's target under {@code --baseline only}: no server, only the database bare is to use. */
    static Target noServer(BenchOptions options) {
        String url = options.text("db-url", null);
        Database db = url == null ? null : new Database(url, options.text("db-user", "postgres"),
                options.text("db-password", ""));
        return new Target(null, null, null, null, db, -1, null);
    }

    /**
     * Stops a Parley server the harness started, so the two never share the CPU (its data stays until the run
     * ends), then starts bare with Parley's JVM options on the same database.
     */
    static BareProcess start(Run run) throws Exception {
        if (run.stopOwnServer()) {
            run.notes.add("the Parley server was stopped after its leg; bare ran alone on the same machine");
        } else if (run.target.http() != null) {
            run.notes.add("the Parley server kept running (idle) during the bare leg");
        }
        String jvm = run.options.text("server-jvm-opts", "");
        List<String> jvmOpts = jvm.isBlank() ? List.of() : Arrays.asList(jvm.trim().split("\\s+"));
        int threads = run.options.integer("bare-threads", BareMain.DEFAULT_THREADS);
        Database db = run.target.database();
        if (run.target.http() == null && db != null && db.isH2()) db = null;
        run.progress("bare: starting the baseline on %s, %d handler threads and JDBC connections",
                db == null || db.isH2() ? "an H2 file" : "a fresh schema of the same PostgreSQL", threads);
        if (db == null && run.target.http() != null) run.notes.add("the server's database is unknown (--target"
                + " without --db-url): bare ran on an H2 file with the embedded default's settings");
        return BareProcess.start(db, jvmOpts, threads, run.options.out.resolve("bare-server.log"));
    }

    /**
     * Parley ÷ bare for each named figure (JSON pointers into both legs' results); null where bare's is 0 or where
     * a latency has no samples on either side (a percentile of nothing reads 0, which would look like a win).
     */
    static ObjectNode ratios(JsonNode parley, JsonNode bare, Map<String, String> figures) {
        ObjectNode ratios = Rest.JSON.createObjectNode();
        ratios.put("meaning", "Parley ÷ bare: 1 is the floor of this stack; throughput wants ~1, latency and CPU"
                + " as low as possible");
        figures.forEach((name, pointer) -> {
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            boolean noSamples = parley.at(parent).path("count").asLong(1) == 0
                    || bare.at(parent).path("count").asLong(1) == 0;
            double b = bare.at(pointer).asDouble();
            if (b > 0 && !noSamples) ratios.put(name, Math.round(1000 * parley.at(pointer).asDouble() / b) / 1000.0);
            else ratios.putNull(name);
        });
        return ratios;
    }

    /** The figures of an open- or closed-loop leg worth dividing. */
    static Map<String, String> figures(String ratePointer, String latencyName, String latencyPointer) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("sendsPerSecond", ratePointer);
        for (String p : List.of("p50", "p90", "p99")) figures.put(latencyName + p.toUpperCase(), latencyPointer + "/" + p);
        figures.put("serverCpu", "/server/cpuPercentOfOneCore");
        figures.put("serverHeapMax", "/server/heapUsedMaxBytes");
        return figures;
    }

    /** One summary line: Parley ÷ bare for throughput, latency and server CPU. */
    static String line(ObjectNode ratios, String latencyName) {
        return String.format("Parley ÷ bare: sends/s %s, %s p50 %s, p90 %s, p99 %s, server CPU %s",
                times(ratios.path("sendsPerSecond")), latencyName, times(ratios.path(latencyName + "P50")),
                times(ratios.path(latencyName + "P90")), times(ratios.path(latencyName + "P99")),
                times(ratios.path("serverCpu")));
    }

    private static String times(JsonNode ratio) {
        return ratio.isNumber() ? String.format("%.2f×", ratio.asDouble()) : "n/a";
    }
}
