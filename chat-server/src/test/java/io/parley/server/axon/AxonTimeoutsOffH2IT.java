package io.parley.server.axon;

import io.parley.server.ChatServerApplication;
import io.parley.server.support.H2Database;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as configured runs commands and handlers without Axon's per-message time limits. */
@H2Database
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AxonTimeoutsOffH2IT {
    // Package-private in Axon: the timeout interceptor's task, which takes a stack trace when it starts.
    private static final String TIME_LIMITED_TASK = "org.axonframework.messaging.timeout.AxonTimeLimitedTask";
    @Autowired
    CommandBus commandBus;
    @Autowired
    ApplicationContext context;

    @Test
    void aCommandRunsWithoutATimeLimitedTask() throws Exception {
        // The command bus's timeout interceptor would have put its task among the unit of work's resources.
        Registration probe = commandBus.subscribe("timeoutProbe", command -> CurrentUnitOfWork.get().root()
                .resources().values().stream().anyMatch(value -> value.getClass().getName().equals(TIME_LIMITED_TASK)));
        try {
            FutureCallback<Object, Object> result = new FutureCallback<>();
            CommandMessage<Object> command = new GenericCommandMessage<>(new GenericMessage<>("probe"), "timeoutProbe");
            commandBus.dispatch(command, result);
            assertThat(result.getResult(10, TimeUnit.SECONDS).getPayload()).isEqualTo(false);
        } finally {
            probe.cancel();
        }
    }

    @Test
    void annotatedHandlersAreNotWrappedInTimeouts() {
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
