package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code history}: seeds M messages through the real send path over a few chats, then times REST history pages
 * ({@code GET /api/chats/{id}/messages?limit=50}): the latest page, and pages deep in the chat
 * ({@code beforeSeq} at random), from a few concurrent clients, closed loop.
 */
final class HistoryScenario implements Scenario {

    @Override
    public void run(Run run) throws Exception {
        BenchOptions o = run.options;
        long messages = o.integer("messages", 100_000);
        int chats = o.integer("chats", 8);
        int page = o.integer("page", 50);
        int requests = o.integer("requests", 2_000);
        int clients = o.integer("clients", 4);
        String content = Content.of(o.integer("payload", 64));
        boolean bulk = o.text("seed", "real").equals("bulk");

        DeliveryBook book = new DeliveryBook();
        LongAdder pages = new LongAdder();
        Sampler sampler = run.sample().count("seeding sends", book.acked::sum).count("history pages", pages::sum)
                .start();
        run.progress("seeding %d messages over %d chats (%s)", messages, chats, bulk ? "bulk" : "real sends");
        Seeder.Seeded seeded = Seeder.seed(run, book, chats, bulk ? chats : messages, content);
        book.drain(10_000);
        seeded.sockets().forEach(Participant::close);
        long perChat = messages / chats;
        long stored = seeded.messages();
        double projectionCatchUp = 0;
        if (bulk) {
            long t = System.nanoTime();
            stored += BulkSeeder.appendAndProject(run, seeded, perChat - 1, content);
            projectionCatchUp = (System.nanoTime() - t) / 1e9;
        } else {
            // Acks do not wait for the read models: pages are only full once the history has every message.
            Projections.awaitCaughtUp(run, 300);
        }

        Histogram latest = new ConcurrentHistogram(DeliveryBook.MAX_MICROS, 3);
        Histogram deep = new ConcurrentHistogram(DeliveryBook.MAX_MICROS, 3);
        LongAdder wrong = new LongAdder();
        AtomicReference<String> firstWrong = new AtomicReference<>();
        AtomicLong left = new AtomicLong(requests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        run.progress("reading %d pages of %d with %d clients", requests, page, clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                loops.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (left.getAndDecrement() > 0) {
                        Population.Chat chat = seeded.chats().get(random.nextInt(seeded.chats().size()));
                        boolean isDeep = random.nextBoolean() && perChat > page;
                        long before = isDeep ? page + 1 + random.nextLong(perChat - page) : 0;
                        String query = isDeep ? "?limit=" + page + "&beforeSeq=" + before : "?limit=" + page;
                        long t = System.nanoTime();
                        Rest.Answer answer = run.rest.get("/api/chats/" + chat.id() + "/messages" + query,
                                chat.customer().token());
                        long micros = (System.nanoTime() - t) / 1000;
                        (isDeep ? deep : latest).recordValue(Math.min(DeliveryBook.MAX_MICROS, micros));
                        pages.increment();
                        if (!rightPage(answer, Math.min(page, perChat), before)) {
                            wrong.increment();
                            if (firstWrong.compareAndSet(null, query + " of chat " + chat.id() + " answered "
                                    + answer.status() + " with " + answer.data().size() + " messages, seqs "
                                    + seqs(answer))) {
                                run.say("first wrong page: %s", firstWrong.get());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : loops) f.get();
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.close();

        Histogram all = latest.copy();
        all.add(deep);
        ObjectNode r = run.results;
        r.put("messagesStored", stored);
        r.put("seed", bulk ? "bulk" : "real");
        if (bulk) r.put("bulkAppendAndProjectSeconds", Sampler.round(projectionCatchUp));
        r.put("chats", chats);
        r.put("seedSeconds", Sampler.round(seeded.seconds()));
        r.put("seedSendsPerSecond", Sampler.round(seeded.perSecond()));
        r.put("pageSize", page);
        r.put("pagesRead", pages.sum());
        r.put("pagesPerSecond", Sampler.round(pages.sum() / seconds));
        r.set("pageLatency", Latencies.json(all));
        r.set("latestPageLatency", Latencies.json(latest));
        r.set("deepPageLatency", Latencies.json(deep));
        run.check("failedSends", book.ackFailures.sum());
        run.check("wrongPages", wrong.sum());
        run.plotted.put("latest page", latest);
        run.plotted.put("deep page (beforeSeq)", deep);
        run.say("seeded %d messages in %.1f s (%.0f sends/s)%s", seeded.messages(), seeded.seconds(),
                seeded.perSecond(), bulk ? String.format("; bulk-appended and projected up to %d in %.1f s", stored,
                        projectionCatchUp) : "");
        run.say("%d-message pages, %d clients: %s", page, clients, Latencies.line(all));
        run.say("  latest page: %s", Latencies.line(latest));
        run.say("  deep page:   %s", Latencies.line(deep));
    }

    /** 200 with {@code size} messages in consecutive seqs, ending just before {@code before} when it is set. */
    private static boolean rightPage(Rest.Answer answer, long size, long before) {
        if (answer.status() != 200 || answer.data().size() != size) return false;
        long expected = answer.data().get(0).path("seq").asLong();
        for (JsonNode message : answer.data()) {
            if (message.path("seq").asLong() != expected++) return false;
        }
        return before == 0 || expected == before;
    }

    private static String seqs(Rest.Answer answer) {
        List<Long> seqs = new ArrayList<>();
        answer.data().forEach(message -> seqs.add(message.path("seq").asLong()));
        return seqs.toString();
    }
}
