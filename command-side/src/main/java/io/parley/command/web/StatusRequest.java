package io.parley.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/chats/{id}/status}. */
public record StatusRequest(@NotBlank(message = "status is required") String status,
                            @Size(max = 2000) String resolutionSummary) {
}
