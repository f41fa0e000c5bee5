package io.parley.command.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code PATCH /api/chats/{id}}: the fields to change; absent or null ones stay as they are. The sizes are
 * raw bounds against abuse; the aggregate checks the real limits (code points, the tag rule).
 */
public record EditChatRequest(@Size(max = 1000) String subject,
                              String priority,
                              @Size(max = 1000) String category,
                              @Size(max = 100) List<@NotNull(message = "a tag cannot be null") @Size(max = 200) String> tags) {

    boolean isEmpty() {
        return subject == null && priority == null && category == null && tags == null;
    }
}
