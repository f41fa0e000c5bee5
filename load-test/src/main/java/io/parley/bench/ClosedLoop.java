package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling's load on one stack: S senders, each a customer on a socket in a chat of their own, send as fast as
 * their acknowledgements come back (closed loop; an ack means durably stored), watched by one observer socket in
 * every chat. Answers the stack's figures and its delivery book.
 */
final class ClosedLoop {
    /** What one stack did. */
    record Outcome(ObjectNode results, DeliveryBook book) {
    }

    private ClosedLoop() {
    }

    static Outcome drive(Run run, Stack stack, int senders, int warmup, int duration, String content)
            throws Exception {
        run.progress("%s: creating %d senders with a chat each and an observing agent", stack.name(), senders);
        List<Population.Chat> chats = stack.chats(stack.customers(senders), List.of());
        DeliveryBook book = new DeliveryBook();
        Participant observer = ChatScenario.connect(stack.socketUrl(), book, stack.agents(1)).get(0);
        List<Participant> sockets = ChatScenario.connect(stack.socketUrl(), book,
                chats.stream().map(Population.Chat::customer).toList());
        for (int i = 0; i < senders; i++) {
            sockets.get(i).join(chats.get(i).id());
            observer.join(chats.get(i).id());
        }
        run.progress("%s: %d closed-loop senders, %d s warm-up + %d s", stack.name(), senders, warmup, duration);
        Sampler sampler = stack.sampler().count(stack.name() + " acked sends", book.acked::sum).start();
        double harnessCpu = ProcStats.harnessCpuSeconds();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
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
        try {
            for (Future<?> f : loops) f.get();
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double harnessShare = 100 * (ProcStats.harnessCpuSeconds() - harnessCpu) / seconds;
        sampler.close();
        book.measuring(false);
        book.drain(15_000);
        observer.close();
        sockets.forEach(Participant::close);

        long[] measured = book.measured();
        ObjectNode r = Rest.JSON.createObjectNode();
        r.put("senders", senders);
        r.put("ackedSends", measured[1]);
        r.put("ackedSendsPerSecond", Sampler.round(measured[1] / (double) duration));
        r.put("failed", book.failed());
        r.put("lost", book.undelivered());
        r.put("duplicated", book.duplicates.sum());
        r.put("outOfOrder", book.outOfOrder.sum());
        r.put("harnessCpuPercent", Sampler.round(harnessShare));
        r.set("server", sampler.server(stack.heapSource()));
        r.set("sendToAck", Latencies.json(book.ackLatency));
        r.set("sendToObserver", Latencies.json(book.fromSend));
        return new Outcome(r, book);
    }
}
