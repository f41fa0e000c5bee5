package io.parley.bench;

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
 * The ceiling's physical limit: S plain JDBC clients doing single-row INSERT + COMMIT of a row copied from a
 * stored message event, on the same database engine as the server, in a table of their own dropped afterwards.
 */
final class RawCeiling {
    /** Where raw inserts go and what they copy; {@code tempDir} (or null) is removed after the run. */
    record Target(Database db, RawJdbc.Row row, String source, boolean separateFile, Path tempDir) {
    }

    private RawCeiling() {
    }

    /**
     * The server's PostgreSQL itself, or a separate H2 file with the same settings (H2 locks the server's file,
     * so the server is stopped first to read a stored row from it).
     */
    static Target target(Run run) throws Exception {
        Database db = run.target.database();
        if (db != null && !db.isH2()) {
            // Without a Parley server (--baseline only) there is no event table to copy a row from.
            try (Connection c = db.connect()) {
                RawJdbc.Row row = run.target.http() == null ? null : RawJdbc.sampleMessageRow(c);
                return new Target(db, row == null ? estimated() : row, row == null ? "estimated" : "stored", false,
                        null);
            }
        }
        if (db != null && run.target.owned() != null) {
            run.target.owned().stopProcess();
            RawJdbc.Row row;
            try (Connection c = db.connect()) {
                row = RawJdbc.sampleMessageRow(c);
            }
            return new Target(Database.h2File(run.target.owned().dataDir().resolve("ceiling")),
                    row == null ? estimated() : row, row == null ? "estimated" : "stored", true, null);
        }
        Path dir = Files.createTempDirectory("parley-ceiling-");
        run.notes.add((run.target.http() == null ? "no Parley server in this run" : "the server's database is not"
                + " reachable from the harness (--target without --db-url)") + ": raw inserts ran on an H2 file in "
                + dir + " with the embedded default's settings");
        return new Target(Database.h2File(dir.resolve("ceiling")), estimated(), "estimated", true, dir);
    }

    /** Runs S clients for warm-up + duration seconds; answers the measured commits per second. */
    static double run(Target target, int senders, int warmup, int duration, LongAdder all) throws Exception {
        String table = "bench_ceiling_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = target.db().connect()) {
            RawJdbc.createTable(c, table);
        }
        LongAdder measured = new LongAdder();
        long from = System.nanoTime() + warmup * 1_000_000_000L;
        long end = from + duration * 1_000_000_000L;
        // Named so the saturation check tells them apart: they are the ceiling, not the load generator.
        ExecutorService pool = Executors.newFixedThreadPool(senders,
                r -> new Thread(r, Report.RAW_THREAD_PREFIX + "client"));
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            loops.add(pool.submit(() -> {
                RawJdbc.insertLoop(target.db(), table, target.row(), from, end, all, measured);
                return null;
            }));
        }
        try {
            for (Future<?> f : loops) f.get();
        } finally {
            pool.shutdownNow();
            try (Connection c = target.db().connect()) {
                RawJdbc.dropTable(c, table);
            }
            LocalServer.deleteTree(target.tempDir());
        }
        return measured.sum() / (double) duration;
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
        return new RawJdbc.Row(Rest.JSON.writeValueAsBytes(payload), Rest.JSON.writeValueAsBytes(meta),
                "Conversation", "io.parley.shared.event.MessageSentEvent", "1", Instant.now().toString());
    }
}
