package io.parley.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code <scenario> --out <dir> [--duration s] [--target url] [options]}. Every value read
 * through it is remembered with its effective value (defaults included), so the report lists the run's parameters.
 */
final class BenchOptions {
    static final List<String> SCENARIOS = List.of("chat", "connections", "ceiling", "replay", "history");
    private static final Set<String> FLAGS = Set.of("keep-data", "quiet");

    final String scenario;
    final Path out;
    private final Map<String, String> given;
    private final Map<String, Object> used = new LinkedHashMap<>();

    private BenchOptions(String scenario, Path out, Map<String, String> given) {
        this.scenario = scenario;
        this.out = out;
        this.given = given;
    }

    static BenchOptions parse(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) throw new IllegalArgumentException("missing <scenario>");
        String scenario = args[0];
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "', expected one of " + SCENARIOS);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                value = args[++i];
            }
            given.put(name, value);
        }
        String baseline = given.get("baseline");
        if (baseline != null && !Baseline.CHOICES.contains(baseline)) {
            throw new IllegalArgumentException("--baseline is one of " + Baseline.CHOICES + ", not '" + baseline + "'");
        }
        if ("only".equals(baseline) && !List.of("chat", "ceiling").contains(scenario)) {
            throw new IllegalArgumentException("--baseline only is for chat and ceiling");
        }
        String out = given.remove("out");
        if (out == null) throw new IllegalArgumentException("--out <dir> is required");
        return new BenchOptions(scenario, Path.of(out).toAbsolutePath().normalize(), given);
    }

    String text(String name, String fallback) {
        String value = given.getOrDefault(name, fallback);
        if (value != null) used.put(name, name.contains("password") || name.contains("secret") ? "***" : value);
        return value;
    }

    int integer(String name, int fallback) {
        int value = Integer.parseInt(given.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
        used.put(name, value);
        return value;
    }

    double decimal(String name, double fallback) {
        double value = Double.parseDouble(given.getOrDefault(name, String.valueOf(fallback)));
        used.put(name, value);
        return value;
    }

    boolean flag(String name) {
        boolean value = Boolean.parseBoolean(given.getOrDefault(name, "false"));
        used.put(name, value);
        return value;
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    /** Seconds of the measured phase: {@code --duration}, 30 unless given. */
    int duration() {
        return integer("duration", 30);
    }

    /** Options given that no part of the run read: most likely typos, reported rather than ignored. */
    List<String> unused() {
        return given.keySet().stream().filter(name -> !used.containsKey(name)).toList();
    }

    Map<String, Object> parameters() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("scenario", scenario);
        all.put("out", out.toString());
        all.putAll(used);
        return all;
    }

    static String usage() {
        return """
                usage: ./bench.sh <scenario> --out <dir> [--duration <seconds>] [--target <url>] [options]
                scenarios: chat | connections | ceiling | replay | history
                  chat         --chats N (N customers, an agent each) | --customers C (20) --agents A (4)
                               --rate R msg/s in total (50) --payload bytes (64) --ack-timeout s (5)
                  connections  --connections N (2000) --active-percent 1 --rate R (20) --ramp-per-second (500)
                  ceiling      --senders S (8) --payload bytes (64)
                  replay       --events E (20000) --projection history|inbox|unread (history) --seed real|bulk
                  history      --messages M (100000) --page 50 --requests (2000) --seed real|bulk (real;
                               bulk appends events with JDBC, PostgreSQL only)
                baseline (chat, ceiling; docs/benchmarks.md):
                  --baseline bare|none|only (bare): the same load on the bare baseline after Parley's, and
                               Parley ÷ bare; only: bare alone, no Parley server started
                  --bare-threads (16): bare's handler threads and JDBC connections
                server:  (default) starts chat-server/target/chat-server.jar on H2 in a temporary directory
                  --db-url jdbc:postgresql://... [--db-user u --db-password p]   server and raw scans on PostgreSQL
                  --target http://host:8080 --socket-url http://host:9092 --admin-email e --admin-password p
                  --server-jvm-opts "-Xmx1g ..."  --jfr <file.jfr>  --keep-data
                """;
    }
}
