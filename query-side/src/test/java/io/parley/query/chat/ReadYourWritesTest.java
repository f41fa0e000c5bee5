package io.parley.query.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ReadYourWritesTest {

    @Test
    void noVersionAsksForNoWait() {
        AtomicInteger asked = new AtomicInteger();
        ReadYourWrites waiter = new ReadYourWrites(List.of(chat -> asked.incrementAndGet()), Duration.ofSeconds(5),
                new ProjectionSignals(), Duration.ofMillis(5), Duration.ofMillis(5));

        assertThat(waiter.await("chat-1", 0)).isTrue();
        assertThat(asked).hasValue(0);
    }

    @Test
    void answersOnceEveryReadModelReachedTheVersion() {
        AtomicLong lagging = new AtomicLong(3);
        AtomicInteger polls = new AtomicInteger();
        ReadYourWrites waiter = new ReadYourWrites(List.of(chat -> 7, chat -> {
            if (polls.incrementAndGet() == 4) lagging.set(7);
            return lagging.get();
        }), Duration.ofSeconds(5), new ProjectionSignals(), Duration.ofMillis(5), Duration.ofMillis(5));

        assertThat(waiter.await("chat-1", 7)).isTrue();
        assertThat(polls).hasValue(4);
    }

    @Test
    void aCommitOfTheChatWakesTheWaiterWhichRereadsOnceInsteadOfPolling() throws Exception {
        ProjectionSignals signals = new ProjectionSignals();
        AtomicLong version = new AtomicLong(3);
        AtomicInteger reads = new AtomicInteger();
        // A recheck interval far beyond the test: only the signal can wake the waiter in time.
        ReadYourWrites waiter = new ReadYourWrites(List.of(counting(version, reads)), Duration.ofMinutes(5), signals,
                Duration.ofMinutes(5), Duration.ofMinutes(5));
        // Another chat's commit, signalled first, wakes nobody here.
        Thread projection = commitAfterFirstRead(signals, version, reads, 0, "chat-2", "chat-1");

        assertThat(waiter.await("chat-1", 7)).isTrue();
        projection.join();
        assertThat(reads.get()).as("one read before the commit, one after it").isEqualTo(2);
    }

    @Test
    void aloneTheWaiterTrustsCommitSignalsInsteadOfRereadingEveryFewMilliseconds() throws Exception {
        ProjectionSignals signals = new ProjectionSignals();
        AtomicLong version = new AtomicLong(3);
        AtomicInteger reads = new AtomicInteger();
        ReadYourWrites waiter = new ReadYourWrites(List.of(counting(version, reads)), Duration.ofSeconds(5), signals,
                Duration.ofMillis(5), Duration.ofMinutes(5));
        signals.nodesSharingProjections(1);
        Thread projection = commitAfterFirstRead(signals, version, reads, 200, "chat-1");

        assertThat(waiter.await("chat-1", 7)).isTrue();
        projection.join();
        assertThat(reads.get()).as("one read before the commit, one after it, none in the 200 ms between")
                .isEqualTo(2);
    }

    @Test
    void withOtherNodesTheWaiterAlsoRereadsOnItsOwn() {
        ProjectionSignals signals = new ProjectionSignals();
        AtomicInteger reads = new AtomicInteger();
        ReadYourWrites waiter = new ReadYourWrites(List.of(chat -> reads.incrementAndGet() >= 4 ? 7 : 3),
                Duration.ofSeconds(5), signals, Duration.ofMillis(5), Duration.ofMinutes(5));
        signals.nodesSharingProjections(2);

        // Another node's commit signals nothing here: only the re-reads can see the version arrive.
        assertThat(waiter.await("chat-1", 7)).isTrue();
        assertThat(reads.get()).isEqualTo(4);
    }

    /** A read model at {@code version} that counts how often it is asked. */
    private static ToLongFunction<String> counting(AtomicLong version, AtomicInteger reads) {
        return chat -> {
            reads.incrementAndGet();
            return version.get();
        };
    }

    /**
     * A projection that, once the waiter has read, waits {@code delayMillis}, reaches version 7 and signals a commit
     * of each of {@code chatIds} in turn.
     */
    private static Thread commitAfterFirstRead(ProjectionSignals signals, AtomicLong version, AtomicInteger reads,
                                               long delayMillis, String... chatIds) {
        Thread projection = new Thread(() -> {
            while (reads.get() == 0) Thread.onSpinWait();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            version.set(7);
            for (String chatId : chatIds) signals.committed(chatId);
        });
        projection.start();
        return projection;
    }

    @Test
    void givesUpAfterTheTimeoutInsteadOfFailingTheRead() {
        ReadYourWrites waiter = new ReadYourWrites(List.of(chat -> 2), Duration.ofMillis(50),
                new ProjectionSignals(), Duration.ofMillis(5), Duration.ofMillis(5));
        long started = System.nanoTime();

        assertThat(waiter.await("chat-1", 3)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(50),
                Duration.ofSeconds(2));
    }
}
