package io.parley.command.conversation;

import io.parley.shared.ChatStatus;

import static io.parley.shared.ChatStatus.IN_PROGRESS;
import static io.parley.shared.ChatStatus.OPEN;
import static io.parley.shared.ChatStatus.PENDING;
import static io.parley.shared.ChatStatus.RESOLVED;

/** The contract's status table, as far as staff move a chat by hand (closing is handled apart). */
final class StatusRules {
    private StatusRules() {
    }

    static boolean staffMayMove(ChatStatus from, ChatStatus to) {
        return switch (to) {
            case PENDING -> from == IN_PROGRESS;
            case IN_PROGRESS -> from == PENDING;
            case RESOLVED -> from == OPEN || from == IN_PROGRESS || from == PENDING;
            case OPEN, CLOSED -> false;
        };
    }

    static String notice(ChatStatus from, ChatStatus to, String summary) {
        if (to == RESOLVED) {
            return summary == null || summary.isBlank() ? "The chat was resolved"
                    : "The chat was resolved: " + summary;
        }
        if (from == RESOLVED) return "The chat was reopened";
        return "Status changed from " + from.wire() + " to " + to.wire();
    }
}
