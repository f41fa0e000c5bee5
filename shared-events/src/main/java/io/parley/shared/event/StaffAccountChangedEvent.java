package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An admin changed an account ({@code PATCH /api/admin/users/{id}}): its state afterwards, and which of
 * {@code name}, {@code role}, {@code active}, {@code capacity} changed. {@code capacity} null means the default.
 */
@Revision("1")
public record StaffAccountChangedEvent(String userId,
                                       String name,
                                       Role role,
                                       boolean active,
                                       Integer capacity,
                                       List<String> changed,
                                       String changedById,
                                       Role changedByRole,
                                       Instant changedAt) {
}
