package io.parley.command.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/chats/{id}/messages}; the socket's sendMessage carries the same fields. */
public record SendMessageRequest(@Size(max = 8000) String content,
                                 @Size(max = 10) List<@NotNull @Size(max = 64) String> attachmentIds,
                                 @Size(max = 100) String clientMessageId) {
}
