package io.parley.query.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReadYourWritesTest {

    @Test
    void noVersionAsksForNoWait() {
        AtomicInteger asked = new AtomicInteger();
        ReadYourWrites waiter = new ReadYourWrites(List.of(chat -> asked.incrementAndGet()), Duration.ofSeconds(5));

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
        }), Duration.ofSeconds(5));

        assertThat(waiter.await("chat-1", 7)).isTrue();
        assertThat(polls).hasValue(4);
    }

    @Test
    void givesUpAfterTheTimeoutInsteadOfFailingTheRead() {
        ReadYourWrites waiter = new ReadYourWrites(List.of(chat -> 2), Duration.ofMillis(50));
        long started = System.nanoTime();

        assertThat(waiter.await("chat-1", 3)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(50),
                Duration.ofSeconds(2));
    }
}
