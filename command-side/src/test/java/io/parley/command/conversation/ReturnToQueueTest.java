package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.command.ReturnChatToQueueCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import org.junit.jupiter.api.Test;

import static io.parley.command.conversation.ConversationFixtures.ADMIN;
import static io.parley.command.conversation.ConversationFixtures.AGENT;
import static io.parley.command.conversation.ConversationFixtures.AGENT_2;
import static io.parley.command.conversation.ConversationFixtures.CHAT;
import static io.parley.command.conversation.ConversationFixtures.inProgress;
import static io.parley.command.conversation.ConversationFixtures.now;
import static io.parley.command.conversation.ConversationFixtures.status;
import static io.parley.command.conversation.ConversationFixtures.system;

/** A deactivated agent's chat goes back to the queue: unassigned, one notice, open again if it was active. */
class ReturnToQueueTest extends ConversationTestBase {
    private static final String REASON = ChatReturnedToQueueEvent.AGENT_DEACTIVATED;

    private static ChatReturnedToQueueEvent returned() {
        return new ChatReturnedToQueueEvent(CHAT, AGENT.id(), REASON, ADMIN.id(), ADMIN.role(), now());
    }

    private static Object[] with(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anActiveChatOfTheAgentIsUnassignedAndOpenAgainWithOneNotice() {
        fixture.given(inProgress())
                .when(new ReturnChatToQueueCommand(CHAT, ADMIN, AGENT.id(), REASON))
                .expectEvents(returned(),
                        system(4, "Alice is no longer available; the chat is back in the queue"),
                        status(ChatStatus.OPEN, ChatStatus.IN_PROGRESS, ADMIN, null));
    }

    @Test
    void aResolvedChatIsUnassignedAndStaysResolved() {
        fixture.given(with(inProgress(), status(ChatStatus.RESOLVED, ChatStatus.IN_PROGRESS, AGENT, null),
                        system(4, "The chat was resolved")))
                .when(new ReturnChatToQueueCommand(CHAT, ADMIN, AGENT.id(), REASON))
                .expectEvents(returned(), system(5, "Alice is no longer available; the chat is back in the queue"));
    }

    @Test
    void aChatSomeoneElseHoldsByNowIsLeftAlone() {
        fixture.given(inProgress())
                .when(new ReturnChatToQueueCommand(CHAT, ADMIN, AGENT_2.id(), REASON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedChatIsLeftAlone() {
        fixture.given(with(inProgress(), system(4, "The chat was closed"),
                        new ChatClosedEvent(CHAT, ChatStatus.IN_PROGRESS, AGENT.id(), AGENT.role(), null, now())))
                .when(new ReturnChatToQueueCommand(CHAT, ADMIN, AGENT.id(), REASON))
                .expectNoEvents();
    }

    @Test
    void onlyAnAdminReturnsAChatToTheQueue() {
        fixture.given(inProgress())
                .when(new ReturnChatToQueueCommand(CHAT, AGENT_2, AGENT.id(), REASON))
                .expectException(ChatRejectedException.class)
                .expectNoEvents();
    }
}
