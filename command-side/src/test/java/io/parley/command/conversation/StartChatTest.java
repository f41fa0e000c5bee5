package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ChatRejectedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.parley.command.conversation.ConversationFixtures.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StartChatTest extends ConversationTestBase {
    private ActiveChats activeChats;

    @BeforeEach
    void setUp() {
        activeChats = mock(ActiveChats.class);
        TicketNumbers tickets = mock(TicketNumbers.class);
        when(tickets.next()).thenReturn("TKT-2026-000001");
        fixture.registerAnnotatedCommandHandler(new ChatStarter(fixture.getRepository(), activeChats, tickets, claims));
    }

    private StartChatCommand start(String content) {
        return new StartChatCommand(CHAT, CUSTOMER, "carla@example.com", "Login", "account", Priority.HIGH,
                "m-1", content, List.of(), "c-1");
    }

    @Test
    void startingAChatRecordsTheTicketAndTheFirstMessageAsSeqOne() {
        when(activeChats.of(CUSTOMER.id())).thenReturn(Optional.empty());
        fixture.givenNoPriorActivity()
                .when(start("Hi, I can't log in"))
                .expectEvents(started(), message(1, CUSTOMER, "Hi, I can't log in", "c-1"))
                .expectResultMessagePayload(new StartChatResult(CHAT, false, 1,
                        state(ChatStatus.OPEN, null, 1, 1, 0, 1)));
        verify(activeChats).claim(CUSTOMER.id(), CHAT);
    }

    @Test
    void aCustomerWithAnActiveChatGetsItBackAndNothingIsCreated() {
        when(activeChats.of(CUSTOMER.id())).thenReturn(Optional.of("existing-chat"));
        fixture.givenNoPriorActivity()
                .when(start("Me again"))
                .expectNoEvents()
                .expectResultMessagePayload(new StartChatResult("existing-chat", true, 1, null));
        verify(activeChats, never()).claim(CUSTOMER.id(), CHAT);
    }

    @Test
    void aChatCannotStartWithoutAFirstMessage() {
        fixture.givenNoPriorActivity()
                .when(start(" "))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
    }

    @Test
    void staffCannotStartACustomerChat() {
        when(activeChats.of(AGENT.id())).thenReturn(Optional.empty());
        fixture.givenNoPriorActivity()
                .when(new StartChatCommand(CHAT, AGENT, null, "x", "general", Priority.MEDIUM, "m-1", "hi",
                        List.of(), null))
                .expectNoEvents()
                .expectExceptionMessage("only customers and guests start chats");
    }
}
