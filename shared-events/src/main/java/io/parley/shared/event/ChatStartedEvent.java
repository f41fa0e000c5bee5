package io.parley.shared.event;

import io.parley.shared.Priority;
import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A customer (registered user or guest) opened a support chat, which got its ticket number. */
@Revision("1")
public record ChatStartedEvent(String chatId,
                               String ticketNumber,
                               String customerId,
                               Role customerRole,
                               String customerName,
                               String customerEmail,
                               String subject,
                               String category,
                               Priority priority,
                               Instant startedAt) {
}
