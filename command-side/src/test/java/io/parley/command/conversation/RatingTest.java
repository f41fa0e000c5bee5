package io.parley.command.conversation;

import io.parley.shared.command.RateChatCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.parley.command.conversation.ConversationFixtures.*;
import static io.parley.shared.ChatStatus.IN_PROGRESS;
import static io.parley.shared.ChatStatus.RESOLVED;

class RatingTest extends ConversationTestBase {

    private static Object[] plus(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Object[] resolved() {
        return plus(inProgress(), status(RESOLVED, IN_PROGRESS, AGENT, null),
                system(4, "The chat was resolved"));
    }

    private static ChatRatedEvent rated(int score, String comment) {
        return new ChatRatedEvent(CHAT, score, comment, CUSTOMER.id(), CUSTOMER.role(), now());
    }

    @Test
    void theCustomerRatesAResolvedChat() {
        fixture.given(resolved())
                .when(new RateChatCommand(CHAT, CUSTOMER, 5, " Quick and kind "))
                .expectEvents(rated(5, "Quick and kind"));
    }

    @Test
    void theCustomerRatesAClosedChat() {
        fixture.given(plus(inProgress(), system(4, "The chat was closed"),
                        new ChatClosedEvent(CHAT, IN_PROGRESS, AGENT.id(), AGENT.role(), null, now())))
                .when(new RateChatCommand(CHAT, CUSTOMER, 2, null))
                .expectEvents(rated(2, null));
    }

    @Test
    void aChatIsRatedOnlyOnce() {
        fixture.given(plus(resolved(), rated(4, null)))
                .when(new RateChatCommand(CHAT, CUSTOMER, 5, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("this chat has been rated already");
    }

    @Test
    void aChatStillInProgressCannotBeRated() {
        fixture.given(inProgress())
                .when(new RateChatCommand(CHAT, CUSTOMER, 5, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("a chat can be rated once it is resolved or closed");
    }

    @Test
    void aScoreOutsideOneToFiveIsRefused() {
        fixture.given(resolved())
                .when(new RateChatCommand(CHAT, CUSTOMER, 6, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class);
    }

    @Test
    void staffCannotRateAChat() {
        fixture.given(resolved())
                .when(new RateChatCommand(CHAT, AGENT, 5, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("only the chat's customer rates it");
    }

    @Test
    void anotherCustomerCannotRateTheChat() {
        fixture.given(resolved())
                .when(new RateChatCommand(CHAT, OTHER_CUSTOMER, 5, null))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("chat not found");
    }
}
