package io.parley.server.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's retry scheduler, counting the retries it schedules per command ({@code parley.command.retries}):
 * mostly commands that lost a race on a chat's sequence to another node. A steady rate means contended chats or
 * a slow event store; a failure that exhausted its retries reaches the caller as an error.
 */
final class CountedRetries implements RetryScheduler {
    private final RetryScheduler delegate;
    private final MeterRegistry registry;
    /** One counter per command type; there are a handful, and a retry is rare. */
    private final Map<Class<?>, Counter> retries = new ConcurrentHashMap<>();

    CountedRetries(RetryScheduler delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean scheduled = delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (scheduled) {
            retries.computeIfAbsent(commandMessage.getPayloadType(), type -> Counter.builder("parley.command.retries")
                    .description("commands retried after a transient failure, mostly a lost race on a chat")
                    .tag("command", type.getSimpleName()).register(registry)).increment();
        }
        return scheduled;
    }
}
