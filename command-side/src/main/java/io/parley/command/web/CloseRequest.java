package io.parley.command.web;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/chats/{id}/close}. */
public record CloseRequest(@Size(max = 2000) String resolutionSummary) {
}
