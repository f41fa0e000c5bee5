package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.MessagesReadEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.parley.command.conversation.ConversationFixtures.*;

/** The customer, the holding agent and admins write; an agent writing in an unheld chat takes it. */
class WhoMayWriteTest extends ConversationTestBase {

    @Test
    void anAgentWritingInAnUnassignedChatTakesItAsAssignWould() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, AGENT, "m-4", "Hello Carla", List.of(), null))
                .expectEvents(assigned(AGENT, null, AGENT), system(2, "Alice joined the chat"),
                        status(ChatStatus.IN_PROGRESS, ChatStatus.OPEN, AGENT, null),
                        system(3, "Status changed from open to in_progress"),
                        new MessagesReadEvent(CHAT, side(AGENT), AGENT.id(), AGENT.role(), 3, now()),
                        message(4, AGENT, "Hello Carla", null));
    }

    @Test
    void anAgentWritingInAChatAnotherAgentHoldsIsAConflictAndStoresNothing() {
        fixture.given(inProgress())
                .when(new SendMessageCommand(CHAT, AGENT_2, "m-4", "Let me help", List.of(), null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("this chat is held by another agent; the holder or an admin may transfer it");
    }

    @Test
    void anAdminMayAlwaysWriteWithoutTakingTheChat() {
        fixture.given(inProgress())
                .when(new SendMessageCommand(CHAT, ADMIN, "m-4", "Admin here", List.of(), null))
                .expectEvents(new MessagesReadEvent(CHAT, side(ADMIN), ADMIN.id(), ADMIN.role(), 3, now()),
                        message(4, ADMIN, "Admin here", null));
    }
}
