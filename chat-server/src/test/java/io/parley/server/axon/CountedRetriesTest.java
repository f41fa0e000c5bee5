package io.parley.server.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountedRetriesTest {
    record SendSomethingCommand(String chatId) {
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new SendSomethingCommand("c"));

    @Test
    void eachScheduledRetryIsCountedUnderItsCommand() {
        RetryScheduler retries = new CountedRetries((c, failure, failures, dispatch) -> true, meters);

        assertThat(retries.scheduleRetry(command, new IllegalStateException("lost a race"), List.of(), () -> { }))
                .isTrue();
        retries.scheduleRetry(command, new IllegalStateException("lost again"), List.of(), () -> { });

        assertThat(meters.get("parley.command.retries").tag("command", "SendSomethingCommand").counter().count())
                .isEqualTo(2);
    }

    @Test
    void aFailureThatIsNotRetriedIsNotCounted() {
        RetryScheduler retries = new CountedRetries((c, failure, failures, dispatch) -> false, meters);

        assertThat(retries.scheduleRetry(command, new IllegalArgumentException("a rule"), List.of(), () -> { }))
                .isFalse();

        assertThat(meters.find("parley.command.retries").counters()).isEmpty();
    }
}
