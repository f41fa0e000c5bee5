package io.parley.realtime.broadcast;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One ordered lane per chat for everything that reaches its sockets: pushes of committed events and the room
 * join of {@code joinChat}. A join queued between two pushes sees the first in its catch-up and the second live,
 * so a (re)joining client loses nothing and gets the live events only after its acknowledgement.
 */
@Component
public class ChatLanes {
    private final ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "realtime-push");
        thread.setDaemon(true);
        return thread;
    });
    private final KeyedSequencer lanes = new KeyedSequencer(pool);

    public <T> CompletableFuture<T> submit(String laneKey, Supplier<? extends CompletionStage<T>> task) {
        return lanes.submit(laneKey, task);
    }

    public CompletableFuture<Void> run(String laneKey, Runnable task) {
        return lanes.run(laneKey, task);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
