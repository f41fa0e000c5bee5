package io.parley.shared.event;

import io.parley.shared.Priority;
import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Staff changed a chat's details. Only the fields that changed are set; the others are null. {@code tags}, when
 * set, is the chat's whole new tag list (possibly empty).
 */
@Revision("1")
public record ChatUpdatedEvent(String chatId,
                               String subject,
                               Priority priority,
                               String category,
                               List<String> tags,
                               String changedById,
                               Role changedByRole,
                               Instant changedAt) {
}
