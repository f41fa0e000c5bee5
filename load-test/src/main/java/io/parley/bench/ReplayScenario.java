package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code replay}: seeds E message events through the real send path, resets one projection through the admin
 * endpoint and times its rebuild (polling position and lag), then times a raw JDBC scan of the event table that
 * reads every column, on the same database.
 */
final class ReplayScenario implements Scenario {

    @Override
    public void run(Run run) throws Exception {
        BenchOptions o = run.options;
        long events = o.integer("events", 20_000);
        String projection = o.text("projection", "history");
        int senders = o.integer("senders", 8);
        int timeout = o.integer("rebuild-timeout", 600);
        String content = Content.of(o.integer("payload", 64));
        boolean bulk = o.text("seed", "real").equals("bulk");

        DeliveryBook book = new DeliveryBook();
        AtomicLong position = new AtomicLong();
        Sampler sampler = run.sample().count("seeding sends", book.acked::sum)
                .count("rebuilt events (position)", position::get).start();
        run.progress("seeding %d messages through %d sockets%s", events, senders, bulk ? " (bulk)" : "");
        Seeder.Seeded seeded = Seeder.seed(run, book, senders, bulk ? senders : events, content);
        book.drain(10_000);
        seeded.sockets().forEach(Participant::close);
        if (bulk) BulkSeeder.appendAndProject(run, seeded, Math.max(0, (events - senders) / senders), content);
        JsonNode before = status(run, projection);
        long head = before.path("position").asLong() + before.path("lag").asLong();

        run.progress("replaying %s over %d events", projection, head);
        long started = System.nanoTime();
        run.rest.post("/api/admin/projections/" + projection + "/replay", run.adminToken, null).expect(202);
        long deadline = started + timeout * 1_000_000_000L;
        boolean done = false;
        while (System.nanoTime() < deadline) {
            JsonNode now = status(run, projection);
            if (now.path("status").asText().equals("replaying")) {
                position.set(Math.max(0, now.path("position").asLong(0)));
            }
            if (now.path("status").asText().equals("live") && now.path("lag").asLong(1) == 0
                    && now.path("position").asLong() >= head) {
                position.set(head);
                done = true;
                break;
            }
            Pause.millis(20);
        }
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        sampler.close();
        if (!done) run.notes.add("the rebuild did not finish within " + timeout + " s");

        long[] scan = null;
        double scanSeconds = 0;
        Database db = run.target.database();
        if (db != null && (run.target.databaseReadableWhileRunning() || run.target.owned() != null)) {
            if (!run.target.databaseReadableWhileRunning()) run.target.owned().stopProcess();
            try (Connection c = db.connect()) {
                RawJdbc.scanEvents(c); // the first pass warms caches, as the seeding did for the rebuild
                long t = System.nanoTime();
                scan = RawJdbc.scanEvents(c);
                scanSeconds = (System.nanoTime() - t) / 1e9;
            }
            if (db.isH2()) run.notes.add("H2: the raw scan read the server's file after the server stopped");
        } else {
            run.notes.add("raw scan skipped: the server's database is not reachable (give --db-url)");
        }

        long rows = scan == null ? head : scan[0];
        double rebuildRate = rows / rebuildSeconds;
        ObjectNode r = run.results;
        r.put("projection", projection);
        r.put("seededMessages", seeded.messages());
        r.put("seedSeconds", Sampler.round(seeded.seconds()));
        r.put("seedSendsPerSecond", Sampler.round(seeded.perSecond()));
        r.put("events", rows);
        r.put("rebuildFinished", done);
        r.put("rebuildSeconds", Math.round(rebuildSeconds * 1000) / 1000.0);
        r.put("rebuildEventsPerSecond", Sampler.round(rebuildRate));
        if (scan != null) {
            r.put("rawScanSeconds", Math.round(scanSeconds * 1000) / 1000.0);
            r.put("rawScanRowsPerSecond", Sampler.round(scan[0] / scanSeconds));
            r.put("rawScanBytes", scan[1]);
            r.put("ratio", Math.round(1000 * rebuildRate / (scan[0] / scanSeconds)) / 1000.0);
        }
        run.check("rebuildUnfinished", done ? 0 : 1);
        run.check("failedSends", book.ackFailures.sum());
        run.check("duplicated", book.duplicates.sum());
        run.check("outOfOrder", book.outOfOrder.sum());
        run.say("seeded %d messages in %.1f s (%.0f sends/s through %d sockets)", seeded.messages(),
                seeded.seconds(), seeded.perSecond(), senders);
        run.say("%s rebuilt %d events in %.2f s: %.0f events/s", projection, rows, rebuildSeconds, rebuildRate);
        if (scan != null) {
            run.say("raw SELECT * scan: %d rows in %.3f s: %.0f rows/s; rebuild / scan = %.3f", scan[0],
                    scanSeconds, scan[0] / scanSeconds, rebuildRate / (scan[0] / scanSeconds));
        }
    }

    private static JsonNode status(Run run, String projection) {
        for (JsonNode p : run.rest.get("/api/admin/projections", run.adminToken).expect(200).data()) {
            if (p.path("name").asText().equals(projection)) return p;
        }
        throw new IllegalArgumentException("no projection named " + projection);
    }
}
