package io.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the event store through the real path: S customers, each on a socket in a chat of their own, send
 * closed-loop until each chat holds its equal share of the wanted messages. Slow by design (every send is a full
 * command).
 */
final class Seeder {
    /** What seeding made: the chats and their customers' sockets (still open), and how fast it went. */
    record Seeded(List<Population.Chat> chats, List<Participant> sockets, long messages, double seconds) {
        double perSecond() {
            return seconds == 0 ? 0 : messages / seconds;
        }
    }

    private Seeder() {
    }

    static Seeded seed(Run run, DeliveryBook book, int chatsWanted, long messages, String content) throws Exception {
        Population people = new Population(run.rest, run.adminToken, 4);
        List<Population.Chat> chats = people.chats(people.customers(chatsWanted), List.of());
        List<Participant> sockets = ChatScenario.connect(run, book,
                chats.stream().map(Population.Chat::customer).toList());
        for (int i = 0; i < chats.size(); i++) sockets.get(i).join(chats.get(i).id());
        AtomicLong done = new AtomicLong();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(chats.size());
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < chats.size(); i++) {
                int n = i;
                // Every chat gets its share exactly (pages are checked against it), the first ones the remainder.
                long share = messages / chats.size() + (n < messages % chats.size() ? 1 : 0);
                loops.add(pool.submit(() -> {
                    for (long k = 0; k < share; k++) {
                        if (sockets.get(n).sendAndWait(chats.get(n).id(), content, runId + "-" + n + "-" + k)) {
                            long total = done.incrementAndGet();
                            if (total % 10_000 == 0) run.progress("seeded %d of %d messages", total, messages);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : loops) f.get();
        } finally {
            pool.shutdownNow();
        }
        return new Seeded(chats, sockets, done.get(), (System.nanoTime() - started) / 1e9);
    }
}
