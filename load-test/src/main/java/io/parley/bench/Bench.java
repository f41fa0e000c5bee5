package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark harness's entry point ({@code ./bench.sh}): starts or targets a Parley server, runs one scenario
 * with real Socket.IO clients and prints the report. Exits 0 when every zero-check (lost, duplicated,
 * out-of-order, failed) is zero, 1 when one is not, 2 on a usage error.
 */
public final class Bench {

    /** What a run produced. */
    record Outcome(int exitCode, ObjectNode report) {
    }

    public static void main(String[] args) {
        System.exit(run(args).exitCode());
    }

    static Outcome run(String... args) {
        return run(null, args);
    }

    /** Runs against {@code given} (a server someone else started and stops) when not null. */
    static Outcome run(Target given, String... args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.usage());
            return new Outcome(0, null);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + BenchOptions.usage());
            return new Outcome(2, null);
        }
        try {
            Files.createDirectories(options.out);
            Instant started = Instant.now();
            double load = ProcStats.loadAverage();
            Target target = given != null ? given : Baseline.only(options) ? Baseline.noServer(options)
                    : target(options);
            try {
                Rest rest = target.http() == null ? null : new Rest(target.http());
                Run run = new Run(options, target, rest, rest == null ? null
                        : rest.login(target.adminEmail(), target.adminPassword()), given == null);
                ThreadCpu threads = new ThreadCpu();
                run.progress("%s against %s (socket %s), database %s", options.scenario, target.http(),
                        target.socketUrl(), target.database() == null ? "unknown" : target.database().kind());
                try {
                    Scenario.named(options.scenario).run(run);
                } finally {
                    if (run.sampler != null) run.sampler.close();
                }
                List<String> unused = options.unused();
                if (!unused.isEmpty()) run.notes.add("options given but not used by this scenario: " + unused);
                if (target.http() != null) {
                    run.notes.add(target.owned() != null
                            ? "the server started here has no rate limits unless CHAT_RATE_LIMIT_* are set for it"
                            : "a --target server's rate limits (CHAT_RATE_LIMIT_*) must allow the scenario's rates");
                }
                ObjectNode report = Report.write(run, started, load, threads);
                return new Outcome(report.path("checks").path("allZero").asBoolean() ? 0 : 1, report);
            } finally {
                if (given == null && target.owned() != null) target.owned().close();
            }
        } catch (Exception e) {
            System.err.println("bench: " + options.scenario + " failed: " + e);
            e.printStackTrace();
            return new Outcome(3, null);
        }
    }

    private static Target target(BenchOptions options) {
        String dbUrl = options.text("db-url", null);
        String dbUser = options.text("db-user", dbUrl == null ? null : "postgres");
        String dbPassword = options.text("db-password", dbUrl == null ? null : "");
        String url = options.text("target", null);
        if (url != null) {
            String socket = options.text("socket-url", url.replaceFirst(":\\d+/?$", "") + ":9092");
            String email = options.text("admin-email", null);
            String password = options.text("admin-password", null);
            if (email == null || password == null) {
                throw new IllegalArgumentException("--target needs --admin-email and --admin-password");
            }
            Database db = dbUrl == null ? null : new Database(dbUrl, dbUser, dbPassword);
            return new Target(url, socket, email, password, db, options.integer("server-pid", -1), null);
        }
        Path jar = Path.of(options.text("server-jar", home().resolve("chat-server/target/chat-server.jar")
                .toString()));
        String jvm = options.text("server-jvm-opts", "");
        List<String> jvmOpts = new java.util.ArrayList<>(jvm.isBlank() ? List.of()
                : Arrays.asList(jvm.trim().split("\\s+")));
        String jfr = options.text("jfr", null);
        if (jfr != null) {
            jvmOpts.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        return LocalServer.start(jar, options.out.resolve("server.log"), dbUrl, dbUser, dbPassword, jvmOpts,
                options.flag("keep-data"), options.integer("start-timeout", 180));
    }

    /** The repository root: -Dbench.home (bench.sh sets it), else the first parent holding chat-server/. */
    static Path home() {
        String configured = System.getProperty("bench.home");
        if (configured != null) return Path.of(configured).toAbsolutePath();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("chat-server"))) return p;
        }
        return dir;
    }
}
