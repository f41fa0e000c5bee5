package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ceiling}: the {@link ClosedLoop} load against Parley, then (unless {@code --baseline none}) against the
 * bare baseline, then {@link RawCeiling}'s plain INSERT + COMMIT clients on the same database engine. The report
 * divides Parley by raw and by bare.
 */
final class CeilingScenario implements Scenario {
    private static final String LATENCY = "sendToAck";

    @Override
    public void run(Run run) throws Exception {
        BenchOptions o = run.options;
        int senders = o.integer("senders", 8);
        int duration = o.duration();
        int warmup = o.integer("warmup", 5);
        String content = Content.of(o.integer("payload", 64));
        boolean baseline = Baseline.wanted(o);

        ClosedLoop.Outcome parley = Baseline.only(o) ? null
                : ClosedLoop.drive(run, new ParleyStack(run), senders, warmup, duration, content);
        if (parley != null) parley.book().check(run);
        RawCeiling.Target raw = RawCeiling.target(run);
        ClosedLoop.Outcome floor = null;
        if (baseline) {
            try (BareProcess bare = Baseline.start(run)) {
                floor = ClosedLoop.drive(run, new BareStack(run, bare), senders, warmup, duration, content);
            }
            floor.book().check(run, "bare.");
        } else {
            run.stopOwnServer(); // the raw clients measure the database alone
        }
        run.progress("raw JDBC on %s: %d clients, %d s warm-up + %d s", raw.db().kind(), senders, warmup, duration);
        double ceiling = RawCeiling.run(raw, senders, warmup, duration, new LongAdder());

        ObjectNode r = run.results;
        r.put("senders", senders);
        r.put("durationSeconds", duration);
        r.put("warmupSeconds", warmup);
        r.put("payloadBytes", content.length());
        r.put("storedRowBytes", raw.row().bytes());
        r.put("rowSource", raw.source());
        r.put("rawDatabase", raw.db().kind());
        r.put("rawInsertCommitsPerSecond", Sampler.round(ceiling));
        run.notes.add("raw rows copy a stored MessageSentEvent row (" + raw.source() + "), " + raw.row().bytes()
                + " bytes, into a table shaped like DomainEventEntry");
        if (raw.separateFile() && raw.tempDir() == null) {
            run.notes.add("H2: the raw inserts ran on a separate H2 file database in the server's data directory,"
                    + " same settings, after the server stopped (H2 locks the server's file)");
        }
        run.say("%d senders, payload %d B: raw INSERT+COMMIT %.1f/s on %s", senders, content.length(), ceiling,
                raw.db().kind());
        if (parley != null) parley(run, parley, ceiling);
        if (floor == null) return;

        ObjectNode b = floor.results();
        double bareRate = b.path("ackedSendsPerSecond").asDouble();
        r.set("baseline", b);
        r.put("bareRatio", Math.round(1000 * bareRate / ceiling) / 1000.0);
        run.plotted.put("bare send → ack (closed loop)", floor.book().ackLatency);
        run.say("bare: %.1f durable acked sends/s (bare / raw ceiling = %.3f), server %.0f%% of one core", bareRate,
                bareRate / ceiling, b.path("server").path("cpuPercentOfOneCore").asDouble());
        run.say("bare: send → ack %s", ChatScenario.line(b.path("sendToAck")));
        if (parley == null) return;
        ObjectNode ratios = Baseline.ratios(parley.results(), b,
                Baseline.figures("/ackedSendsPerSecond", LATENCY, "/" + LATENCY));
        r.set("vsBare", ratios);
        run.say("%s", Baseline.line(ratios, LATENCY));
    }

    /** Parley's figures, under the names the report has always given them. */
    private static void parley(Run run, ClosedLoop.Outcome parley, double ceiling) {
        ObjectNode p = parley.results();
        double parleyRate = p.path("ackedSendsPerSecond").asDouble();
        ObjectNode r = run.results;
        r.put("parleyAckedSends", p.path("ackedSends").asLong());
        r.put("parleyAckedSendsPerSecond", parleyRate);
        r.put("harnessCpuPercentDuringParley", p.path("harnessCpuPercent").asDouble());
        r.put("serverCpuPercentDuringParley", p.path("server").path("cpuPercentOfOneCore").asDouble());
        r.put("failed", p.path("failed").asLong());
        r.put("ratio", Math.round(1000 * parleyRate / ceiling) / 1000.0);
        r.set("sendToAck", p.path("sendToAck"));
        r.set("sendToObserver", p.path("sendToObserver"));
        r.set("server", p.path("server"));
        run.plotted.put("Parley send → ack (closed loop)", parley.book().ackLatency);
        run.plotted.put("Parley send → observer", parley.book().fromSend);
        run.say("Parley: %.1f durable acked sends/s, Parley / raw ceiling = %.3f", parleyRate, parleyRate / ceiling);
        run.say("Parley: send → ack %s", ChatScenario.line(p.path("sendToAck")));
        run.say("Parley: server %.0f%% of one core, harness %.0f%% of one core (the raw clients run in the"
                + " harness)", p.path("server").path("cpuPercentOfOneCore").asDouble(),
                p.path("harnessCpuPercent").asDouble());
    }
}
