package io.parley.realtime.sessions;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The gateway's timers: typing expiry, unauthenticated sockets, token expiry, delayed disconnects. */
@Component
public class Timers {
    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "realtime-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code task} once after {@code delay}; a failure is logged, never lost in a future. */
    public ScheduledFuture<?> after(Duration delay, Runnable task) {
        return scheduler.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("realtime timer task failed", e);
            }
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
