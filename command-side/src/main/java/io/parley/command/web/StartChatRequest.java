package io.parley.command.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/chats}: the first message is required, the rest has defaults. The sizes are raw
 * UTF-16 bounds against abuse; the 4000-character limit is counted in code points by the aggregate.
 */
public record StartChatRequest(@NotNull(message = "message is required") @Size(max = 8000) String message,
                               @Size(max = 200) String subject,
                               @Size(max = 64) String category,
                               String priority,
                               @Size(max = 10) List<@NotNull @Size(max = 64) String> attachmentIds,
                               @Size(max = 100) String clientMessageId) {
}
