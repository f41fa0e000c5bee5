package io.parley.query.inbox;

import io.parley.shared.ChatStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InboxChatEntityTest {
    private static final Instant START = Instant.parse("2026-11-21T10:30:00.000Z");

    private final InboxChatEntity chat = new InboxChatEntity("chat-1", 0, START);

    @Test
    void resolvingRecordsWhenAndWhy() {
        chat.statusChanged(ChatStatus.RESOLVED, "refund issued", START.plusSeconds(5));

        assertThat(chat.status).isEqualTo(ChatStatus.RESOLVED);
        assertThat(chat.resolvedAt).isEqualTo(START.plusSeconds(5));
        assertThat(chat.resolutionSummary).isEqualTo("refund issued");
    }

    @Test
    void reopeningForgetsTheEarlierResolution() {
        chat.statusChanged(ChatStatus.RESOLVED, "refund issued", START.plusSeconds(5));
        chat.statusChanged(ChatStatus.IN_PROGRESS, null, START.plusSeconds(9));

        assertThat(chat.resolvedAt).isNull();
        assertThat(chat.resolutionSummary).isNull();
    }

    @Test
    void closingWithoutSummaryKeepsTheResolutionSummary() {
        chat.statusChanged(ChatStatus.RESOLVED, "refund issued", START.plusSeconds(5));
        chat.closed(null, START.plusSeconds(9));

        assertThat(chat.status).isEqualTo(ChatStatus.CLOSED);
        assertThat(chat.closedAt).isEqualTo(START.plusSeconds(9));
        assertThat(chat.resolvedAt).isEqualTo(START.plusSeconds(5));
        assertThat(chat.resolutionSummary).isEqualTo("refund issued");
    }

    @Test
    void everyEventMovesVersionAndActivityButActivityNeverGoesBack() {
        chat.touch(3, START.plusSeconds(10));
        chat.touch(4, START.plusSeconds(2));

        assertThat(chat.version).isEqualTo(4);
        assertThat(chat.updatedAt).isEqualTo(START.plusSeconds(10));
        assertThat(chat.isNew(4)).isFalse();
        assertThat(chat.isNew(5)).isTrue();
    }

    @Test
    void aChatWaitsFromItsStartUntilSomeoneHoldsItAndAgainOnceReturnedToTheQueue() {
        assertThat(chat.queuedAt).isEqualTo(START);
        chat.queue(START.plusSeconds(1));
        assertThat(chat.queuedAt).as("still waiting since it started").isEqualTo(START);

        chat.agentId = "agent-1";
        chat.queue(START.plusSeconds(2));
        assertThat(chat.queuedAt).isNull();

        chat.agentId = null;
        chat.queue(START.plusSeconds(3));
        assertThat(chat.queuedAt).isEqualTo(START.plusSeconds(3));

        chat.statusChanged(ChatStatus.RESOLVED, null, START.plusSeconds(4));
        chat.queue(START.plusSeconds(4));
        assertThat(chat.queuedAt).as("a resolved chat waits for nobody").isNull();
    }
}
