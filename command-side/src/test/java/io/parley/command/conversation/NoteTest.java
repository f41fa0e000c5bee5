package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.command.AddNoteCommand;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.NoteAddedEvent;
import io.parley.shared.query.NoteView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.parley.command.conversation.ConversationFixtures.*;

/** Private notes: staff only, no seq, no pointer, no status change. */
class NoteTest extends ConversationTestBase {

    @Test
    void anAgentWhoDoesNotHoldTheChatMayLeaveANoteThatTakesNoSeq() {
        NoteAddedEvent added = new NoteAddedEvent(CHAT, "n-1", 3, AGENT_2.id(), AGENT_2.role(), AGENT_2.name(),
                "VIP customer", now());
        fixture.given(inProgress())
                .when(new AddNoteCommand(CHAT, AGENT_2, "n-1", "VIP customer"))
                .expectEvents(added)
                .expectResultMessagePayload(NoteView.of(added));
    }

    @Test
    void theNextMessageAfterANoteStillTakesTheNextSeq() {
        fixture.given(inProgress())
                .andGiven(new NoteAddedEvent(CHAT, "n-1", 3, ADMIN.id(), ADMIN.role(), ADMIN.name(), "x", now()))
                .when(new SendMessageCommand(CHAT, CUSTOMER, "m-4", "Still there?", List.of(), null))
                .expectEvents(message(4, CUSTOMER, "Still there?", null));
    }

    @Test
    void aNoteOnAClosedChatIsAllowed() {
        fixture.given(inProgress())
                .andGiven(new ChatClosedEvent(CHAT, ChatStatus.IN_PROGRESS, AGENT.id(), AGENT.role(), null, now()))
                .when(new AddNoteCommand(CHAT, AGENT, "n-1", "post-mortem"))
                .expectEvents(new NoteAddedEvent(CHAT, "n-1", 3, AGENT.id(), AGENT.role(), AGENT.name(),
                        "post-mortem", now()));
    }

    @Test
    void customersAndGuestsCannotWriteNotes() {
        fixture.given(inProgress())
                .when(new AddNoteCommand(CHAT, CUSTOMER, "n-1", "sneaky"))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("only agents and admins write notes");
    }

    @Test
    void aBlankNoteIsRejected() {
        fixture.given(inProgress())
                .when(new AddNoteCommand(CHAT, AGENT, "n-1", "  "))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
    }
}
