package io.parley.command.conversation;

import io.parley.shared.Side;
import io.parley.shared.command.MarkDeliveredCommand;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.MessagesDeliveredEvent;
import io.parley.shared.event.MessagesReadEvent;
import org.junit.jupiter.api.Test;

import static io.parley.command.conversation.ConversationFixtures.*;

class ReadPointerTest extends ConversationTestBase {

    @Test
    void markingReadWithoutASeqReadsEverythingSoFar() {
        fixture.given(inProgress()).andGiven(message(4, CUSTOMER, "More", null))
                .when(new MarkReadCommand(CHAT, AGENT, null))
                .expectEvents(new MessagesReadEvent(CHAT, Side.STAFF, AGENT.id(), AGENT.role(), 4, now()));
    }

    @Test
    void markingReadUpToASeqMovesThePointerThere() {
        fixture.given(inProgress()).andGiven(message(4, AGENT, "Hello", null), message(5, AGENT, "How can I help?", null))
                .when(new MarkReadCommand(CHAT, CUSTOMER, 4L))
                .expectEvents(new MessagesReadEvent(CHAT, Side.CUSTOMER, CUSTOMER.id(), CUSTOMER.role(), 4, now()));
    }

    @Test
    void readingNeverGoesBackwards() {
        fixture.given(inProgress()).andGiven(message(4, AGENT, "Hello", null),
                        new MessagesReadEvent(CHAT, Side.CUSTOMER, CUSTOMER.id(), CUSTOMER.role(), 4, now()))
                .when(new MarkReadCommand(CHAT, CUSTOMER, 2L))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void readingBeyondTheLastSeqIsRejected() {
        fixture.given(inProgress())
                .when(new MarkReadCommand(CHAT, CUSTOMER, 99L))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("upToSeq must be between 0 and the last seq 3");
    }

    @Test
    void anOutsiderCannotMarkRead() {
        fixture.given(inProgress())
                .when(new MarkReadCommand(CHAT, OTHER_CUSTOMER, null))
                .expectNoEvents()
                .expectExceptionMessage("chat not found");
    }

    @Test
    void deliveryIsRecordedPerSideAndOnlyForward() {
        fixture.given(inProgress()).andGiven(message(4, AGENT, "Hello", null))
                .when(new MarkDeliveredCommand(CHAT, CUSTOMER, 4L))
                .expectEvents(new MessagesDeliveredEvent(CHAT, Side.CUSTOMER, CUSTOMER.id(), CUSTOMER.role(), 4,
                        now()));
    }

    @Test
    void deliveredBeyondTheLastSeqIsRejected() {
        fixture.given(inProgress())
                .when(new MarkDeliveredCommand(CHAT, CUSTOMER, 4L))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        fixture.given(inProgress()).andGiven(message(4, AGENT, "Hello", null),
                        new MessagesDeliveredEvent(CHAT, Side.CUSTOMER, CUSTOMER.id(), CUSTOMER.role(), 4, now()))
                .when(new MarkDeliveredCommand(CHAT, CUSTOMER, 4L))
                .expectNoEvents();
    }
}
