package io.parley.shared.event;

import io.parley.shared.ChatStatus;
import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A chat moved along the status table (closing has its own {@link ChatClosedEvent}). */
@Revision("1")
public record ChatStatusChangedEvent(String chatId,
                                     ChatStatus status,
                                     ChatStatus previousStatus,
                                     String changedById,
                                     Role changedByRole,
                                     String resolutionSummary,
                                     Instant changedAt) {
}
