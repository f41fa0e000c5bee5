package io.parley.realtime.broadcast;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One key's tasks run in order, even when one waits for something, and a failure does not stop the key. */
class KeyedSequencerTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final KeyedSequencer sequencer = new KeyedSequencer(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aKeysTasksRunInOrderEvenWhenOneFinishesLater() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        sequencer.submit("chat", () -> gate.thenRun(() -> done.add("first")));
        CompletableFuture<Void> second = sequencer.run("chat", () -> done.add("second"));
        CompletableFuture<Void> other = sequencer.run("other chat", () -> done.add("other"));

        other.get(5, TimeUnit.SECONDS);
        assertThat(done).containsExactly("other");
        gate.complete(null);
        second.get(5, TimeUnit.SECONDS);
        assertThat(done).containsExactly("other", "first", "second");
    }

    @Test
    void aFailingTaskDoesNotStopTheKey() throws Exception {
        CompletableFuture<Void> failed = sequencer.run("chat", () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = sequencer.submit("chat", () -> CompletableFuture.completedFuture("next"));

        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(failed).isCompletedExceptionally();
    }
}
