package io.parley.command.conversation;

import io.parley.shared.error.ChatRejectedException;

import java.util.HashSet;
import java.util.List;

/** Limits on what a message and a resolution summary may hold. */
final class MessageRules {
    static final int MAX_CONTENT = 4000;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_SUMMARY = 2000;

    private MessageRules() {
    }

    static void checkContent(String content, List<String> attachmentIds) {
        List<String> attachments = attachments(attachmentIds);
        if ((content == null || content.isBlank()) && attachments.isEmpty()) {
            throw ChatRejectedException.invalid("content", "EMPTY_MESSAGE", "content may be empty only with attachments");
        }
        if (content != null && content.codePointCount(0, content.length()) > MAX_CONTENT) {
            throw ChatRejectedException.invalid("content", "CONTENT_TOO_LONG",
                    "content is limited to " + MAX_CONTENT + " characters");
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw ChatRejectedException.invalid("attachmentIds", "TOO_MANY_ATTACHMENTS",
                    "a message holds at most " + MAX_ATTACHMENTS + " attachments");
        }
        if (new HashSet<>(attachments).size() < attachments.size()) {
            throw ChatRejectedException.invalid("attachmentIds", "DUPLICATE_ATTACHMENT",
                    "each attachment may appear once in a message");
        }
    }

    static void checkNote(String content) {
        if (content == null || content.isBlank()) {
            throw ChatRejectedException.invalid("content", "EMPTY_NOTE", "a note needs content");
        }
        if (content.codePointCount(0, content.length()) > MAX_CONTENT) {
            throw ChatRejectedException.invalid("content", "CONTENT_TOO_LONG",
                    "content is limited to " + MAX_CONTENT + " characters");
        }
    }

    static void checkSummary(String summary) {
        if (summary != null && summary.codePointCount(0, summary.length()) > MAX_SUMMARY) {
            throw ChatRejectedException.invalid("resolutionSummary", "SUMMARY_TOO_LONG",
                    "resolutionSummary is limited to " + MAX_SUMMARY + " characters");
        }
    }

    static List<String> attachments(List<String> attachmentIds) {
        return attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
