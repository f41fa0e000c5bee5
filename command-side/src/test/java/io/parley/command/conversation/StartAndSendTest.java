package io.parley.command.conversation;

import io.parley.shared.query.MessageView;
import io.parley.shared.ChatStatus;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.event.Attachment;
import io.parley.shared.event.MessageSentEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.parley.command.conversation.ConversationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class StartAndSendTest extends ConversationTestBase {

    @Test
    void aCustomerMessageGetsTheNextSeq() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", "c-1"))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", "Anyone there?", List.of(), "c-2"))
                .expectEvents(message(2, CUSTOMER, "Anyone there?", "c-2"))
                .expectResultMessagePayload(new MessageAccepted(CHAT, "m-2", 2, false, 2,
                        MessageView.of(message(2, CUSTOMER, "Anyone there?", "c-2")),
                        state(ChatStatus.OPEN, null, 2, 2, 0, 2)));
    }

    @Test
    void contentIsStoredExactlyAsSent() {
        String html = "<b>bold</b> & \"quotes\" 😀";
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", html, List.of(), null))
                .expectEvents(message(2, CUSTOMER, html, null));
    }

    @Test
    void retryWithSameClientMessageIdAppendsNothing() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", "c-1"), message(2, CUSTOMER, "Again", "c-2"))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-new", "Again", List.of(), "c-2"))
                .expectNoEvents()
                .expectResultMessagePayload(new MessageAccepted(CHAT, "m-2", 2, true, 2, null,
                        state(ChatStatus.OPEN, null, 2, 2, 0, 2)));
    }

    @Test
    void theSameClientMessageIdFromAnotherSenderIsANewMessage() {
        fixture.given(inProgress())
                .when(new SendMessageCommand(CHAT, AGENT, "m-4", "Hello Carla", List.of(), "c-1"))
                .expectEvents(new MessagesReadEvent(CHAT, side(AGENT), AGENT.id(), AGENT.role(), 3, now()),
                        message(4, AGENT, "Hello Carla", "c-1"));
    }

    @Test
    void anAgentReplyMarksTheCustomersMessagesRead() {
        fixture.given(inProgress()).andGiven(message(4, CUSTOMER, "Still there?", null))
                .when(new SendMessageCommand(CHAT, AGENT, "m-5", "Yes", List.of(), null))
                .expectEvents(new MessagesReadEvent(CHAT, side(AGENT), AGENT.id(), AGENT.role(), 4, now()),
                        message(5, AGENT, "Yes", null));
    }

    @Test
    void emptyContentWithoutAttachmentsIsRejected() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", "   ", List.of(), null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("content may be empty only with attachments");
    }

    @Test
    void emptyContentWithAnAttachmentIsAccepted() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", "", List.of("media-1"), null))
                .expectEvents(new MessageSentEvent(CHAT, "m-2", 2, CUSTOMER.id(), CUSTOMER.role(), CUSTOMER.name(),
                        "", List.of(new Attachment("media-1", "media-1.png", "image/png", 42)), null, now()));
    }

    @Test
    void anAttachmentTheSenderDidNotUploadIsRejectedAndNothingIsStored() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", "", List.of("media-1", "made-up-id"), null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("media made-up-id not found");
    }

    @Test
    void theSameAttachmentTwiceInOneMessageIsRejected() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", "two", List.of("media-1", "media-1"), null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("each attachment may appear once in a message");
    }

    @Test
    void contentOver4000CharactersIsRejected() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", "x".repeat(4001), List.of(), null))
                .expectNoEvents()
                .expectExceptionMessage("content is limited to 4000 characters");
    }

    @Test
    void exactly4000EmojiAreAccepted() {
        String emoji = "😀".repeat(4000);
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-2", emoji, List.of(), null))
                .expectEvents(message(2, CUSTOMER, emoji, null));
    }

    @Test
    void anotherCustomerCannotWriteAndDoesNotLearnTheChatExists() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null))
                .when(new SendMessageCommand(CHAT, OTHER_CUSTOMER, "m-2", "Hello?", List.of(), null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("chat not found");
    }

    @Test
    void sendingToAClosedChatIsRejected() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", null),
                        system(2, "The chat was closed"),
                        new io.parley.shared.event.ChatClosedEvent(CHAT, ChatStatus.OPEN, CUSTOMER.id(),
                                CUSTOMER.role(), null, now()))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-3", "Wait", List.of(), null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("this chat is closed; start a new one instead");
    }

    @Test
    void aRetryOfAnAcceptedMessageStillAnswersAfterTheChatClosed() {
        fixture.given(started(), message(1, CUSTOMER, "Hi", "c-1"), system(2, "The chat was closed"),
                        new io.parley.shared.event.ChatClosedEvent(CHAT, ChatStatus.OPEN, CUSTOMER.id(),
                                CUSTOMER.role(), null, now()))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-x", "Hi", List.of(), "c-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new MessageAccepted(CHAT, "m-1", 1, true, 3, null,
                        state(ChatStatus.CLOSED, null, 2, 2, 0, 3)));
    }

    @Test
    void aRejectionCarriesTheContractCode() {
        ChatRejectedException e = ChatRejectedException.conflict("CHAT_CLOSED", "closed");
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.code().httpStatus()).isEqualTo(409);
    }
}
