package io.parley.command.config;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The one thread that takes conversation snapshots, after the command that triggered one has answered. Overdue
 * snapshots beyond its queue are skipped: the next is due a threshold of events later, and a chat loads the same
 * without it, only slower. A clean stop lets the snapshot in progress finish before the database closes.
 */
final class SnapshotThread implements DisposableBean {
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    SnapshotThread() {
        executor.setThreadNamePrefix("conversation-snapshot-");
        // A daemon: the application's stop waits for it (destroy), but it never keeps a JVM alive by itself.
        executor.setDaemon(true);
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1_000);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    Executor executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
