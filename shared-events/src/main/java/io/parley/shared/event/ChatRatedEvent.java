package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The chat's customer rated the help they got (CSAT score 1 to 5, optional comment); a chat is rated once. */
@Revision("1")
public record ChatRatedEvent(String chatId,
                             int score,
                             String comment,
                             String ratedById,
                             Role ratedByRole,
                             Instant ratedAt) {
}
