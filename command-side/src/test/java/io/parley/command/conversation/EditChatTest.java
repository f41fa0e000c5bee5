package io.parley.command.conversation;

import io.parley.shared.Priority;
import io.parley.shared.command.EditChatCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatUpdatedEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.parley.command.conversation.ConversationFixtures.*;
import static io.parley.shared.ChatStatus.IN_PROGRESS;

class EditChatTest extends ConversationTestBase {

    private static ChatUpdatedEvent updated(String subject, Priority priority, String category, List<String> tags) {
        return new ChatUpdatedEvent(CHAT, subject, priority, category, tags, AGENT.id(), AGENT.role(), now());
    }

    private static Object[] plus(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anEditRecordsOnlyTheFieldsItChanges() {
        // The chat started as "Login", account, high: only the priority and the tags are new.
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, "Login", Priority.URGENT, "account", List.of("vip")))
                .expectEvents(updated(null, Priority.URGENT, null, List.of("vip")));
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicated() {
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, null, null, null, List.of(" VIP ", "vip", "Billing")))
                .expectEvents(updated(null, null, null, List.of("vip", "billing")));
    }

    @Test
    void anEditThatChangesNothingStoresNothing() {
        fixture.given(plus(inProgress(), updated(null, null, null, List.of("vip"))))
                .when(new EditChatCommand(CHAT, AGENT, " Login ", Priority.HIGH, "account", List.of("VIP")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEmptyTagListRemovesEveryTag() {
        fixture.given(plus(inProgress(), updated(null, null, null, List.of("vip"))))
                .when(new EditChatCommand(CHAT, AGENT, null, null, null, List.of()))
                .expectEvents(updated(null, null, null, List.of()));
    }

    @Test
    void moreThanTwentyTagsAreRefused() {
        List<String> tags = IntStream.rangeClosed(1, 21).mapToObj(i -> "t" + i).toList();
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, null, null, null, tags))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("a chat has at most 20 tags");
    }

    @Test
    void aTagOverThirtyTwoCharactersOrWithABarIsRefused() {
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, null, null, null, List.of("x".repeat(33))))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, null, null, null, List.of("a|b")))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, null, null, null, Collections.singletonList(" ")))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
    }

    @Test
    void aBlankSubjectIsRefused() {
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, AGENT, "  ", null, null, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("subject cannot be blank");
    }

    @Test
    void customersCannotEditAChat() {
        fixture.given(inProgress())
                .when(new EditChatCommand(CHAT, CUSTOMER, null, Priority.URGENT, null, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("only agents and admins edit a chat");
    }

    @Test
    void aClosedChatCannotBeEdited() {
        fixture.given(plus(inProgress(), system(4, "The chat was closed"),
                        new ChatClosedEvent(CHAT, IN_PROGRESS, AGENT.id(), AGENT.role(), null, now())))
                .when(new EditChatCommand(CHAT, ADMIN, null, null, null, List.of("late")))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("this chat is closed; start a new one instead");
    }
}
