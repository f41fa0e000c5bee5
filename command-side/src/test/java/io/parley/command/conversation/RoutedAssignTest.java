package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.event.ChatClosedEvent;
import org.junit.jupiter.api.Test;

import static io.parley.command.conversation.ConversationFixtures.*;

/** The router (actor system) assigns only a chat that still waits; a stale decision changes nothing. */
class RoutedAssignTest extends ConversationTestBase {

    @Test
    void theRouterAssignsAWaitingChatAsAnOrdinaryAssignment() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new AssignAgentCommand(CHAT, SYSTEM, AGENT.id(), AGENT.name()))
                .expectEvents(assigned(AGENT, null, SYSTEM), system(2, "Alice joined the chat"),
                        status(ChatStatus.IN_PROGRESS, ChatStatus.OPEN, SYSTEM, null),
                        system(3, "Status changed from open to in_progress"));
    }

    @Test
    void theRouterNeverTakesAChatSomeoneAlreadyHolds() {
        fixture.given(inProgress())
                .when(new AssignAgentCommand(CHAT, SYSTEM, AGENT_2.id(), AGENT_2.name()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRouterLeavesAResolvedOrClosedChatAlone() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null), system(2, "The chat was closed"),
                        new ChatClosedEvent(CHAT, ChatStatus.OPEN, CUSTOMER.id(), CUSTOMER.role(), null, now()))
                .when(new AssignAgentCommand(CHAT, SYSTEM, AGENT.id(), AGENT.name()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started(), message(1, CUSTOMER, "Hi", null),
                        status(ChatStatus.RESOLVED, ChatStatus.OPEN, AGENT, null))
                .when(new AssignAgentCommand(CHAT, SYSTEM, AGENT.id(), AGENT.name()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
