package io.parley.dialects.core;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs dialect socket events off netty's threads (commands and queries block), one event of a socket after the
 * other so that a client's sends keep their order.
 */
@Component
public class Workers {
    private final ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "dialect-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public void run(UUID socketId, Runnable task) {
        CompletableFuture<Void> tail = tails.compute(socketId, (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .thenRunAsync(task, pool).exceptionally(failure -> null));
        tail.whenComplete((ignored, failure) -> tails.remove(socketId, tail));
    }

    /** For pushes that need a read (a query) first: never on the committing thread. */
    public Executor background() {
        return pool;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
