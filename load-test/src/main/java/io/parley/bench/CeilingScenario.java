package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ceiling}: S senders, each a customer on a socket in a chat of their own, send as fast as their
 * acknowledgements come back (closed loop; an ack means durably stored). Then S plain JDBC clients do single-row
 * INSERT + COMMIT of a row copied from a stored message event, on the same database engine; the report divides
 * the two.
 */
final class CeilingScenario implements Scenario {

    @Override
    public void run(Run run) throws Exception {
        BenchOptions o = run.options;
        int senders = o.integer("senders", 8);
        int duration = o.duration();
        int warmup = o.integer("warmup", 5);
        String content = Content.of(o.integer("payload", 64));

        Population people = new Population(run.rest, run.adminToken, 4);
        run.progress("creating %d senders with a chat each and an observing agent", senders);
        List<Population.Chat> chats = people.chats(people.customers(senders), List.of());
        DeliveryBook book = new DeliveryBook();
        Participant observer = ChatScenario.connect(run, book, people.agents(1)).get(0);
        List<Participant> sockets = ChatScenario.connect(run, book,
                chats.stream().map(Population.Chat::customer).toList());
        for (int i = 0; i < senders; i++) {
            sockets.get(i).join(chats.get(i).id());
            observer.join(chats.get(i).id());
        }
        LongAdder raw = new LongAdder();
        Sampler sampler = run.sample().count("Parley acked sends", book.acked::sum).count("raw INSERT+COMMIT",
                raw::sum).start();

        run.progress("Parley: %d closed-loop senders, %d s warm-up + %d s", senders, warmup, duration);
        double harnessCpu = ProcStats.harnessCpuSeconds();
        double serverCpu = ProcStats.cpuSeconds(run.target.pid());
        long parleyStart = System.nanoTime();
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> loops = new ArrayList<>();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < senders; i++) {
            int n = i;
            loops.add(pool.submit(() -> {
                long k = 0;
                while (System.nanoTime() < end) {
                    book.measuring(System.nanoTime() >= measureFrom);
                    sockets.get(n).sendAndWait(chats.get(n).id(), content, runId + "-" + n + "-" + k++);
                }
                return null;
            }));
        }
        for (Future<?> f : loops) f.get();
        double parleySeconds = (System.nanoTime() - parleyStart) / 1e9;
        double harnessShare = 100 * (ProcStats.harnessCpuSeconds() - harnessCpu) / parleySeconds;
        double serverShare = run.target.pid() > 0 ? 100 * (ProcStats.cpuSeconds(run.target.pid()) - serverCpu)
                / parleySeconds : -1;
        book.measuring(false);
        book.drain(15_000);
        long[] measured = book.measured();
        double parley = measured[1] / (double) duration;
        observer.close();
        sockets.forEach(Participant::close);

        RawTarget rawTarget = rawTarget(run);
        run.progress("raw JDBC on %s: %d clients, %d s warm-up + %d s", rawTarget.db.kind(), senders, warmup,
                duration);
        String table = "bench_ceiling_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = rawTarget.db.connect()) {
            RawJdbc.createTable(c, table);
        }
        LongAdder rawMeasured = new LongAdder();
        long rawFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long rawEnd = rawFrom + duration * 1_000_000_000L;
        loops.clear();
        pool.shutdownNow();
        // Named so the saturation check tells them apart: they are the ceiling, not the load generator.
        pool = Executors.newFixedThreadPool(senders, r -> new Thread(r, Report.RAW_THREAD_PREFIX + "client"));
        for (int i = 0; i < senders; i++) {
            loops.add(pool.submit(() -> {
                RawJdbc.insertLoop(rawTarget.db, table, rawTarget.row, rawFrom, rawEnd, raw, rawMeasured);
                return null;
            }));
        }
        try {
            for (Future<?> f : loops) f.get();
        } finally {
            pool.shutdownNow();
            try (Connection c = rawTarget.db.connect()) {
                RawJdbc.dropTable(c, table);
            }
        }
        double ceiling = rawMeasured.sum() / (double) duration;

        ObjectNode r = run.results;
        r.put("senders", senders);
        r.put("durationSeconds", duration);
        r.put("warmupSeconds", warmup);
        r.put("payloadBytes", content.length());
        r.put("storedRowBytes", rawTarget.row.bytes());
        r.put("rowSource", rawTarget.source);
        r.put("rawDatabase", rawTarget.db.kind());
        r.put("parleyAckedSends", measured[1]);
        r.put("parleyAckedSendsPerSecond", Sampler.round(parley));
        r.put("harnessCpuPercentDuringParley", Sampler.round(harnessShare));
        r.put("serverCpuPercentDuringParley", Sampler.round(serverShare));
        r.put("rawInserts", rawMeasured.sum());
        r.put("rawInsertCommitsPerSecond", Sampler.round(ceiling));
        r.put("ratio", Math.round(1000 * parley / ceiling) / 1000.0);
        r.set("sendToAck", Latencies.json(book.ackLatency));
        r.set("sendToObserver", Latencies.json(book.fromSend));
        book.check(run);
        run.plotted.put("Parley send → ack (closed loop)", book.ackLatency);
        run.plotted.put("Parley send → observer", book.fromSend);
        run.notes.add("raw rows copy a stored MessageSentEvent row (" + rawTarget.source + "), "
                + rawTarget.row.bytes() + " bytes, into a table shaped like DomainEventEntry");
        if (rawTarget.separateFile) {
            run.notes.add("H2: the raw inserts ran on a separate H2 file database in the server's data directory,"
                    + " same settings, after the server stopped (H2 locks the server's file)");
        }
        run.say("%d senders, payload %d B: Parley %.1f durable acked sends/s, raw INSERT+COMMIT %.1f/s on %s",
                senders, content.length(), parley, ceiling, rawTarget.db.kind());
        run.say("Parley / ceiling = %.3f", parley / ceiling);
        run.say("send → ack: %s", Latencies.line(book.ackLatency));
        run.say("during the Parley phase: server %.0f%%, harness %.0f%% of one core (the raw phase runs in the"
                + " harness)", serverShare, harnessShare);
        sampler.close();
    }

    private record RawTarget(Database db, RawJdbc.Row row, String source, boolean separateFile) {
    }

    /** Where raw inserts go: the server's PostgreSQL itself, or a separate H2 file with the same settings. */
    private static RawTarget rawTarget(Run run) throws Exception {
        Database db = run.target.database();
        if (db != null && !db.isH2()) {
            try (Connection c = db.connect()) {
                RawJdbc.Row row = RawJdbc.sampleMessageRow(c);
                return new RawTarget(db, row == null ? estimated() : row, row == null ? "estimated" : "stored",
                        false);
            }
        }
        if (db != null && run.target.owned() != null) {
            run.target.owned().stopProcess();
            RawJdbc.Row row;
            try (Connection c = db.connect()) {
                row = RawJdbc.sampleMessageRow(c);
            }
            return new RawTarget(Database.h2File(run.target.owned().dataDir().resolve("ceiling")),
                    row == null ? estimated() : row, row == null ? "estimated" : "stored", true);
        }
        Path dir = Files.createTempDirectory("parley-ceiling-");
        run.notes.add("the server's database is not reachable from the harness (--target without --db-url): raw"
                + " inserts ran on an H2 file in " + dir + " with the embedded default's settings");
        return new RawTarget(Database.h2File(dir.resolve("ceiling")), estimated(), "estimated", true);
    }

    /** A row built like a stored message event, for when none can be read. */
    private static RawJdbc.Row estimated() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        payload.put("chatId", id);
        payload.put("messageId", UUID.randomUUID().toString());
        payload.put("seq", 42);
        payload.put("senderId", UUID.randomUUID().toString());
        payload.put("senderRole", "USER");
        payload.put("senderName", "Customer 1");
        payload.put("content", Content.of(64));
        payload.put("attachments", List.of());
        payload.put("clientMessageId", "abcdefgh-1-1");
        payload.put("sentAt", Instant.now().toString());
        Map<String, Object> meta = Map.of("actorId", id, "actorRole", "user", "actorName", "Customer 1",
                "correlationId", UUID.randomUUID().toString(), "traceId", UUID.randomUUID().toString());
        return new RawJdbc.Row(Rest.JSON.writeValueAsBytes(payload), Rest.JSON.writeValueAsBytes(meta), "Conversation",
                "io.parley.shared.event.MessageSentEvent", "1", Instant.now().toString());
    }
}
