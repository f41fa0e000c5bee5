package io.parley.bench.bare;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Runs the work of each chat one task after the other, in the order it arrived, on a shared pool: a chat's
 * commits, acks and pushes then leave in seq order, while different chats run in parallel.
 */
final class ChatQueues {
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    ChatQueues(ExecutorService pool) {
        this.pool = pool;
    }

    void run(String chatId, Runnable task) {
        // handleAsync, not thenRunAsync: a failed task must not stop the chat's later ones.
        tails.compute(chatId, (id, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .handleAsync((ignored, failure) -> {
                    task.run();
                    return null;
                }, pool));
    }
}
