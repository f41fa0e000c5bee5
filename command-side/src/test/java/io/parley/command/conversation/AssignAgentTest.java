package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.error.ChatRejectedException;
import org.junit.jupiter.api.Test;

import static io.parley.command.conversation.ConversationFixtures.*;

class AssignAgentTest extends ConversationTestBase {

    @Test
    void anAgentTakingAnOpenChatHoldsItAndMovesItInProgress() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new AssignAgentCommand(CHAT, AGENT, null, null))
                .expectEvents(assigned(AGENT, null, AGENT), system(2, "Alice joined the chat"),
                        status(ChatStatus.IN_PROGRESS, ChatStatus.OPEN, AGENT, null),
                        system(3, "Status changed from open to in_progress"));
    }

    @Test
    void anAgentTakingAChatAnotherAgentHoldsIsAConflict() {
        fixture.given(inProgress())
                .when(new AssignAgentCommand(CHAT, AGENT_2, null, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("this chat is held by another agent");
    }

    @Test
    void assigningTheCurrentHolderAgainChangesNothing() {
        fixture.given(inProgress())
                .when(new AssignAgentCommand(CHAT, AGENT, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new ChatChanged(CHAT, 5, state(ChatStatus.IN_PROGRESS, AGENT, 3, 3, 0, 5)));
    }

    @Test
    void anAdminAssignsSomeoneElse() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new AssignAgentCommand(CHAT, ADMIN, AGENT.id(), AGENT.name()))
                .expectEvents(assigned(AGENT, null, ADMIN), system(2, "Alice joined the chat"),
                        status(ChatStatus.IN_PROGRESS, ChatStatus.OPEN, ADMIN, null),
                        system(3, "Status changed from open to in_progress"));
    }

    @Test
    void anAdminTransfersAHeldChat() {
        fixture.given(inProgress())
                .when(new AssignAgentCommand(CHAT, ADMIN, AGENT_2.id(), AGENT_2.name()))
                .expectEvents(assigned(AGENT_2, AGENT.id(), ADMIN), system(4, "The chat was transferred to Bob"));
    }

    @Test
    void theHolderTransfersTheirChat() {
        fixture.given(inProgress())
                .when(new AssignAgentCommand(CHAT, AGENT, AGENT_2.id(), AGENT_2.name()))
                .expectEvents(assigned(AGENT_2, AGENT.id(), AGENT), system(4, "The chat was transferred to Bob"));
    }

    @Test
    void anAgentMayNotAssignAnUnheldChatToSomeoneElse() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new AssignAgentCommand(CHAT, AGENT, AGENT_2.id(), AGENT_2.name()))
                .expectNoEvents()
                .expectExceptionMessage("only admins assign chats to someone else");
    }

    @Test
    void customersCannotAssign() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new AssignAgentCommand(CHAT, CUSTOMER, null, null))
                .expectNoEvents()
                .expectExceptionMessage("only agents and admins take chats");
    }

    @Test
    void aClosedChatCannotBeAssigned() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null), system(2, "The chat was closed"),
                        new io.parley.shared.event.ChatClosedEvent(CHAT, ChatStatus.OPEN, CUSTOMER.id(),
                                CUSTOMER.role(), null, now()))
                .when(new AssignAgentCommand(CHAT, AGENT, null, null))
                .expectNoEvents()
                .expectExceptionMessage("this chat is closed; start a new one instead");
    }
}
