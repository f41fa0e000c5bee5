package io.parley.command.notes;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/chats/{id}/notes}; the 4000-character limit is counted in code points by the aggregate. */
public record AddNoteRequest(@NotNull(message = "content is required") @Size(max = 8000) String content) {
}
