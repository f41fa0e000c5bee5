package io.parley.query.deadletters;

import java.time.Instant;

/**
 * One event a read model could not apply, as admins see it: where it stands in the event store, the chat it
 * belongs to (whose later events wait behind it), and why it failed.
 */
public record DeadLetterView(String processingGroup, String chatId, String eventId, String eventType,
                             Long sequenceNumber, Long globalPosition, String causeType, String cause,
                             Instant enqueuedAt, Instant lastTouched) {
}
