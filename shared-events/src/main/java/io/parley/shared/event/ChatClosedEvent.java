package io.parley.shared.event;

import io.parley.shared.ChatStatus;
import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A chat was closed for good, by staff, its customer, or the auto-close policy (role SYSTEM). */
@Revision("1")
public record ChatClosedEvent(String chatId,
                              ChatStatus previousStatus,
                              String closedById,
                              Role closedByRole,
                              String resolutionSummary,
                              Instant closedAt) {
}
