package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.command.AutoCloseChatCommand;
import io.parley.shared.command.ChangeStatusCommand;
import io.parley.shared.command.CloseChatCommand;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatClosedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.parley.command.conversation.ConversationFixtures.*;
import static io.parley.shared.ChatStatus.*;

class StatusTest extends ConversationTestBase {

    private Object[] pending() {
        return concat(inProgress(), status(PENDING, IN_PROGRESS, AGENT, null),
                system(4, "Status changed from in_progress to pending"));
    }

    private Object[] resolved() {
        return concat(inProgress(), status(RESOLVED, IN_PROGRESS, AGENT, "Password reset"),
                system(4, "The chat was resolved: Password reset"));
    }

    private Object[] closed() {
        return concat(inProgress(), system(4, "The chat was closed"),
                new ChatClosedEvent(CHAT, IN_PROGRESS, AGENT.id(), AGENT.role(), null, now()));
    }

    private static Object[] concat(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anAgentSetsAChatPendingWhileWaitingForTheCustomer() {
        fixture.given(inProgress())
                .when(new ChangeStatusCommand(CHAT, AGENT, PENDING, null))
                .expectEvents(status(PENDING, IN_PROGRESS, AGENT, null),
                        system(4, "Status changed from in_progress to pending"));
    }

    @Test
    void aCustomerMessageMovesPendingBackToInProgress() {
        fixture.given(pending())
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-6", "Here is the info", List.of(), null))
                .expectEvents(status(IN_PROGRESS, PENDING, CUSTOMER, null),
                        system(5, "Status changed from pending to in_progress"),
                        message(6, CUSTOMER, "Here is the info", null));
    }

    @Test
    void anAgentMessageLeavesPendingAlone() {
        fixture.given(pending())
                .when(new SendMessageCommand(CHAT, AGENT, "m-5", "Any news?", List.of(), null))
                .expectEvents(new io.parley.shared.event.MessagesReadEvent(CHAT, side(AGENT), AGENT.id(),
                        AGENT.role(), 4, now()), message(5, AGENT, "Any news?", null));
    }

    @Test
    void anAgentResolvesWithASummary() {
        fixture.given(inProgress())
                .when(new ChangeStatusCommand(CHAT, AGENT, RESOLVED, "Password reset"))
                .expectEvents(status(RESOLVED, IN_PROGRESS, AGENT, "Password reset"),
                        system(4, "The chat was resolved: Password reset"));
    }

    @Test
    void anOpenChatCanBeResolvedDirectly() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new ChangeStatusCommand(CHAT, ADMIN, RESOLVED, null))
                .expectEvents(status(RESOLVED, OPEN, ADMIN, null), system(2, "The chat was resolved"));
    }

    @Test
    void theCustomerWritingAgainReopensAResolvedChatToTheHolder() {
        fixture.given(resolved())
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-6", "It broke again", List.of(), null))
                .expectEvents(status(IN_PROGRESS, RESOLVED, CUSTOMER, null), system(5, "The chat was reopened"),
                        message(6, CUSTOMER, "It broke again", null));
    }

    @Test
    void anUnassignedResolvedChatReopensAsOpen() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null), status(RESOLVED, OPEN, ADMIN, null),
                        system(2, "The chat was resolved"))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-4", "Not fixed", List.of(), null))
                .expectEvents(status(OPEN, RESOLVED, CUSTOMER, null), system(3, "The chat was reopened"),
                        message(4, CUSTOMER, "Not fixed", null));
    }

    @Test
    void openCannotBeSetByHand() {
        fixture.given(inProgress())
                .when(new ChangeStatusCommand(CHAT, AGENT, OPEN, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("a chat cannot go from in_progress to open");
    }

    @Test
    void anOpenChatCannotGoPendingBeforeSomeoneTakesIt() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new ChangeStatusCommand(CHAT, AGENT, PENDING, null))
                .expectNoEvents()
                .expectExceptionMessage("a chat cannot go from open to pending");
    }

    @Test
    void settingTheCurrentStatusAgainChangesNothing() {
        fixture.given(pending())
                .when(new ChangeStatusCommand(CHAT, AGENT, PENDING, null))
                .expectNoEvents();
    }

    @Test
    void customersCannotChangeStatus() {
        fixture.given(inProgress())
                .when(new ChangeStatusCommand(CHAT, CUSTOMER, RESOLVED, null))
                .expectNoEvents()
                .expectExceptionMessage("only agents and admins change a chat's status");
    }

    @Test
    void anAgentClosesAResolvedChatWithASummary() {
        fixture.given(resolved())
                .when(new CloseChatCommand(CHAT, AGENT, "Done"))
                .expectEvents(system(5, "The chat was closed: Done"),
                        new ChatClosedEvent(CHAT, RESOLVED, AGENT.id(), AGENT.role(), "Done", now()));
    }

    @Test
    void theCustomerEndsTheirChat() {
        fixture.given(inProgress())
                .when(new CloseChatCommand(CHAT, CUSTOMER, null))
                .expectEvents(system(4, "The chat was closed"),
                        new ChatClosedEvent(CHAT, IN_PROGRESS, CUSTOMER.id(), CUSTOMER.role(), null, now()));
    }

    @Test
    void closingThroughTheStatusEndpointIsAClose() {
        fixture.given(pending())
                .when(new ChangeStatusCommand(CHAT, AGENT, CLOSED, "Customer left"))
                .expectEvents(system(5, "The chat was closed: Customer left"),
                        new ChatClosedEvent(CHAT, PENDING, AGENT.id(), AGENT.role(), "Customer left", now()));
    }

    @Test
    void anotherCustomerCannotCloseTheChat() {
        fixture.given(inProgress())
                .when(new CloseChatCommand(CHAT, OTHER_CUSTOMER, null))
                .expectNoEvents()
                .expectExceptionMessage("chat not found");
    }

    @Test
    void closedIsFinal() {
        fixture.given(closed())
                .when(new ChangeStatusCommand(CHAT, ADMIN, IN_PROGRESS, null))
                .expectNoEvents()
                .expectExceptionMessage("this chat is closed; start a new one instead");
    }

    @Test
    void closingTwiceIsAConflict() {
        fixture.given(closed())
                .when(new CloseChatCommand(CHAT, ADMIN, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
    }

    @Test
    void aSummaryOver2000CharactersIsRejected() {
        fixture.given(inProgress())
                .when(new ChangeStatusCommand(CHAT, AGENT, RESOLVED, "x".repeat(2001)))
                .expectNoEvents()
                .expectExceptionMessage("resolutionSummary is limited to 2000 characters");
    }

    @Test
    void autoCloseClosesAChatStillResolvedSinceTheDeadline() {
        fixture.given(resolved())
                .when(new AutoCloseChatCommand(CHAT, now()))
                .expectEvents(system(5, "The chat was closed"),
                        new ChatClosedEvent(CHAT, RESOLVED, SYSTEM.id(), SYSTEM.role(), null, now()));
    }

    @Test
    void autoCloseLeavesAReopenedChatAlone() {
        fixture.given(concat(resolved(), status(IN_PROGRESS, RESOLVED, CUSTOMER, null),
                        system(5, "The chat was reopened")))
                .when(new AutoCloseChatCommand(CHAT, now()))
                .expectNoEvents();
    }

    @Test
    void autoCloseLeavesAChatResolvedAgainLaterAlone() {
        fixture.given(resolved())
                .when(new AutoCloseChatCommand(CHAT, now().minus(Duration.ofHours(1))))
                .expectNoEvents();
    }

    @Test
    void autoCloseOfAnAlreadyClosedChatIsANoOp() {
        fixture.given(closed())
                .when(new AutoCloseChatCommand(CHAT, now()))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }
}
