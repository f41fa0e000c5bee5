package io.parley.dialects.core;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs dialect socket events off netty's threads (commands and queries block), one event of a socket after the
 * other so that a client's sends keep their order; and pushes that need a read first, in order per chat.
 */
@Component
public class Workers {
    private final ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "dialect-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** Runs the task after every earlier task of the same key (a socket's id, or a chat's pushes). */
    public void run(Object key, Runnable task) {
        CompletableFuture<Void> tail = tails.compute(key, (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .thenRunAsync(task, pool).exceptionally(failure -> null));
        tail.whenComplete((ignored, failure) -> tails.remove(key, tail));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
