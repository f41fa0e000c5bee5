package io.parley.realtime.broadcast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs the tasks of one key strictly one after another, each possibly finishing asynchronously, and tasks of
 * different keys in parallel on a shared executor. A failing task is logged and never stops its key's queue.
 */
public final class KeyedSequencer {
    private static final Logger log = LoggerFactory.getLogger(KeyedSequencer.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Executor executor;
    private final ConcurrentMap<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public KeyedSequencer(Executor executor) {
        this.executor = executor;
    }

    /** Queues {@code task} behind the key's earlier tasks; the answer completes with the task's own result. */
    public <T> CompletableFuture<T> submit(Object key, Supplier<? extends CompletionStage<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] created = new CompletableFuture[1];
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> previous = tail == null ? DONE : tail;
            created[0] = previous.thenComposeAsync(ignored -> start(task, result), executor);
            return created[0];
        });
        CompletableFuture<Void> next = created[0];
        next.whenComplete((v, e) -> tails.remove(key, next));
        return result;
    }

    /** Queues a task that finishes when it returns. */
    public CompletableFuture<Void> run(Object key, Runnable task) {
        return submit(key, () -> {
            task.run();
            return DONE;
        });
    }

    private static <T> CompletionStage<Void> start(Supplier<? extends CompletionStage<T>> task,
                                                   CompletableFuture<T> result) {
        try {
            CompletionStage<T> stage = task.get();
            if (stage == null) {
                result.complete(null);
                return DONE;
            }
            return stage.handle((value, failure) -> {
                if (failure != null) {
                    log.warn("queued realtime task failed", failure);
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
                return null;
            });
        } catch (Throwable failure) {
            log.warn("queued realtime task failed", failure);
            result.completeExceptionally(failure);
            return DONE;
        }
    }
}
