package io.parley.query.chat;

import io.parley.query.inbox.InboxFilter;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.ChatTags;
import io.parley.shared.Priority;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.FetchInboxQuery;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Checks and reads the parameters of list queries: paging, and the inbox's status, assignee and filters. */
final class ListRules {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_MESSAGES = 200;
    private static final String ACTIVE = "active";

    private ListRules() {
    }

    static void checkPaging(int page, int limit) {
        if (page < 1) throw ChatRejectedException.invalid("page", "INVALID_PAGE", "page must be 1 or more");
        if ((long) page * limit > Integer.MAX_VALUE) {
            throw ChatRejectedException.invalid("page", "INVALID_PAGE", "page is beyond any list");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ChatRejectedException.invalid("limit", "INVALID_LIMIT",
                    "limit must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    static void checkMessageWindow(Long afterSeq, Long beforeSeq, int limit) {
        if (limit < 1 || limit > MAX_MESSAGES) {
            throw ChatRejectedException.invalid("limit", "INVALID_LIMIT",
                    "limit must be between 1 and " + MAX_MESSAGES);
        }
        if ((afterSeq != null && afterSeq < 0) || (beforeSeq != null && beforeSeq < 0)) {
            throw ChatRejectedException.invalid(afterSeq != null && afterSeq < 0 ? "afterSeq" : "beforeSeq",
                    "SEQ_OUT_OF_RANGE", "afterSeq and beforeSeq cannot be negative");
        }
    }

    static InboxFilter inboxFilter(FetchInboxQuery query) {
        Actor viewer = query.viewer();
        String assignee = blankToNull(query.assignee());
        boolean unassigned = "none".equalsIgnoreCase(assignee);
        String agentId = unassigned ? null : "me".equalsIgnoreCase(assignee) ? viewer.id() : assignee;
        return new InboxFilter(statuses(query.statuses()), agentId, unassigned, null, priority(query.priority()),
                blankToNull(query.category()), blankToNull(query.q()), tag(query.tag()), viewer.isStaff());
    }

    /** Wire statuses, each entry possibly a comma list; {@code active} stands for open, in_progress and pending. */
    static Set<ChatStatus> statuses(List<String> values) {
        Set<ChatStatus> statuses = EnumSet.noneOf(ChatStatus.class);
        if (values == null) return statuses;
        for (String value : values) {
            if (value == null) continue;
            for (String part : value.split(",")) {
                String wire = part.trim();
                if (wire.isEmpty()) continue;
                if (ACTIVE.equalsIgnoreCase(wire)) {
                    statuses.addAll(EnumSet.of(ChatStatus.OPEN, ChatStatus.IN_PROGRESS, ChatStatus.PENDING));
                } else {
                    statuses.add(ChatStatus.fromWire(wire).orElseThrow(() -> ChatRejectedException.invalid(
                            "status", "INVALID_STATUS", "unknown status '" + wire
                                    + "'; use open, in_progress, pending, resolved, closed or active")));
                }
            }
        }
        return statuses;
    }

    static Priority priority(String value) {
        String wire = blankToNull(value);
        if (wire == null) return null;
        return Priority.fromWire(wire).orElseThrow(() -> ChatRejectedException.invalid("priority",
                "INVALID_PRIORITY", "unknown priority '" + wire + "'; use low, medium, high or urgent"));
    }

    /** The tag as stored; a tag no chat can carry is refused rather than silently matching nothing. */
    static String tag(String value) {
        if (value == null || value.isBlank()) return null;
        return ChatTags.normalize(value).orElseThrow(() -> ChatRejectedException.invalid("tag", "INVALID_TAG",
                ChatTags.RULE));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
