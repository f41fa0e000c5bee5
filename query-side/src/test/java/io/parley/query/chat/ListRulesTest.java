package io.parley.query.chat;

import io.parley.query.inbox.InboxFilter;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.FetchInboxQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListRulesTest {
    private static final Actor AGENT = new Actor("agent-1", Role.AGENT, "Alex");

    @Test
    void activeStandsForOpenInProgressAndPending() {
        assertThat(ListRules.statuses(List.of("active")))
                .containsExactlyInAnyOrder(ChatStatus.OPEN, ChatStatus.IN_PROGRESS, ChatStatus.PENDING);
    }

    @Test
    void statusesMayComeAsACommaList() {
        assertThat(ListRules.statuses(List.of("resolved, closed", "")))
                .containsExactlyInAnyOrder(ChatStatus.RESOLVED, ChatStatus.CLOSED);
    }

    @Test
    void anUnknownStatusIsAValidationError() {
        assertThatThrownBy(() -> ListRules.statuses(List.of("open", "archived")))
                .isInstanceOfSatisfying(ChatRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anUnknownPriorityIsAValidationError() {
        assertThat(ListRules.priority("URGENT")).isEqualTo(Priority.URGENT);
        assertThatThrownBy(() -> ListRules.priority("asap"))
                .isInstanceOfSatisfying(ChatRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void assigneeMeMeansTheViewer() {
        InboxFilter filter = ListRules.inboxFilter(inbox("me"));

        assertThat(filter.agentId()).isEqualTo("agent-1");
        assertThat(filter.unassigned()).isFalse();
    }

    @Test
    void assigneeNoneMeansUnassignedChats() {
        InboxFilter filter = ListRules.inboxFilter(inbox("none"));

        assertThat(filter.unassigned()).isTrue();
        assertThat(filter.agentId()).isNull();
    }

    @Test
    void anyOtherAssigneeIsAnAgentId() {
        assertThat(ListRules.inboxFilter(inbox("agent-7")).agentId()).isEqualTo("agent-7");
        assertThat(ListRules.inboxFilter(inbox(null)).agentId()).isNull();
    }

    @Test
    void pagesStartAtOneAndHoldAtMostAHundred() {
        ListRules.checkPaging(1, 100);
        assertThatThrownBy(() -> ListRules.checkPaging(0, 20)).isInstanceOf(ChatRejectedException.class);
        assertThatThrownBy(() -> ListRules.checkPaging(1, 101)).isInstanceOf(ChatRejectedException.class);
        assertThatThrownBy(() -> ListRules.checkPaging(1, 0)).isInstanceOf(ChatRejectedException.class);
    }

    @Test
    void aMessageWindowHoldsAtMostTwoHundredAndNoNegativeSeq() {
        ListRules.checkMessageWindow(0L, null, 200);
        assertThatThrownBy(() -> ListRules.checkMessageWindow(null, null, 201))
                .isInstanceOf(ChatRejectedException.class);
        assertThatThrownBy(() -> ListRules.checkMessageWindow(-1L, null, 50))
                .isInstanceOf(ChatRejectedException.class);
    }

    private static FetchInboxQuery inbox(String assignee) {
        return new FetchInboxQuery(AGENT, List.of(), assignee, null, null, null, 1, 20);
    }
}
