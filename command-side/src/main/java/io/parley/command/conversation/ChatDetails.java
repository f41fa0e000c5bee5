package io.parley.command.conversation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.parley.shared.Actor;
import io.parley.shared.ChatTags;
import io.parley.shared.Priority;
import io.parley.shared.command.EditChatCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatUpdatedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The details staff may edit (subject, priority, category, tags), kept so that an edit records only what it
 * changes. Checks an edit and turns it into the event of its changes.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class ChatDetails {
    static final int MAX_SUBJECT = 200;
    static final int MAX_CATEGORY = 64;

    private String subject;
    private Priority priority = Priority.MEDIUM;
    private String category = "general";
    private List<String> tags = List.of();

    void started(ChatStartedEvent event) {
        subject = event.subject();
        if (event.priority() != null) priority = event.priority();
        if (event.category() != null && !event.category().isBlank()) category = event.category();
    }

    void updated(ChatUpdatedEvent event) {
        if (event.subject() != null) subject = event.subject();
        if (event.priority() != null) priority = event.priority();
        if (event.category() != null) category = event.category();
        if (event.tags() != null) tags = List.copyOf(event.tags());
    }

    /** The event of what {@code cmd} changes, or null when it changes nothing; refuses invalid values. */
    ChatUpdatedEvent changes(EditChatCommand cmd, Actor by, Instant now) {
        String newSubject = text(cmd.subject(), "subject", MAX_SUBJECT);
        String newCategory = text(cmd.category(), "category", MAX_CATEGORY);
        List<String> newTags = cmd.tags() == null ? null : tags(cmd.tags());
        String subjectChange = newSubject == null || newSubject.equals(subject) ? null : newSubject;
        Priority priorityChange = cmd.priority() == null || cmd.priority() == priority ? null : cmd.priority();
        String categoryChange = newCategory == null || newCategory.equals(category) ? null : newCategory;
        List<String> tagsChange = newTags == null || newTags.equals(tags) ? null : newTags;
        if (subjectChange == null && priorityChange == null && categoryChange == null && tagsChange == null) {
            return null;
        }
        return new ChatUpdatedEvent(cmd.chatId(), subjectChange, priorityChange, categoryChange, tagsChange,
                by.id(), by.role(), now);
    }

    private static String text(String value, String field, int max) {
        if (value == null) return null;
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw ChatRejectedException.invalid(field, "BLANK_" + field.toUpperCase(), field + " cannot be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw ChatRejectedException.invalid(field, field.toUpperCase() + "_TOO_LONG",
                    field + " is limited to " + max + " characters");
        }
        return trimmed;
    }

    private static List<String> tags(List<String> raw) {
        if (raw.stream().anyMatch(Objects::isNull)) {
            throw ChatRejectedException.invalid("tags", "INVALID_TAG", ChatTags.RULE);
        }
        List<String> tags = ChatTags.normalizeAll(raw)
                .orElseThrow(() -> ChatRejectedException.invalid("tags", "INVALID_TAG", ChatTags.RULE));
        if (tags.size() > ChatTags.MAX_TAGS) {
            throw ChatRejectedException.invalid("tags", "TOO_MANY_TAGS",
                    "a chat has at most " + ChatTags.MAX_TAGS + " tags");
        }
        return tags;
    }
}
