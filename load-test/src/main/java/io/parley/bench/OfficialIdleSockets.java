package io.parley.bench;

import io.socket.client.Socket;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Idle sockets on the official Java client ({@link Sockets}): fine for hundreds, thread-bound beyond that. */
final class OfficialIdleSockets implements IdleSockets {
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<long[]> ramped = new CompletableFuture<>();

    static OfficialIdleSockets start(String socketUrl, List<String> tokens, int count, int perSecond,
                                     Histogram connectMicros, LongAdder opened, Map<String, LongAdder> failures) {
        OfficialIdleSockets idle = new OfficialIdleSockets();
        AtomicLong failed = new AtomicLong();
        Thread ramp = new Thread(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            new Pacer(perSecond).run(count / (double) perSecond, 0, (i, due) -> pool.execute(() -> {
                if (failed.get() > Math.max(100, count / 100)) return; // the server or the harness hit a limit
                long t = System.nanoTime();
                try {
                    idle.sockets.add(Sockets.connect(socketUrl, tokens.get((int) (i % tokens.size())),
                            Duration.ofSeconds(30)));
                    connectMicros.recordValue(Math.min(DeliveryBook.MAX_MICROS, (System.nanoTime() - t) / 1000));
                    opened.increment();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    failures.computeIfAbsent(String.valueOf(cause), k -> new LongAdder()).increment();
                }
            }));
            pool.shutdown();
            try {
                pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            idle.ramped.complete(new long[]{idle.sockets.size(), failed.get()});
        }, "official-idle-ramp");
        ramp.setDaemon(true);
        ramp.start();
        return idle;
    }

    @Override
    public CompletableFuture<long[]> ramped() {
        return ramped;
    }

    @Override
    public long open() {
        return sockets.stream().filter(Socket::connected).count();
    }

    @Override
    public void close() {
        sockets.forEach(Socket::close);
    }
}
