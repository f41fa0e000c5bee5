package io.parley.shared.event;

import io.parley.shared.Availability;
import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An agent's availability changed; {@code previousAvailability} is null the first time they set one. */
@Revision("1")
public record AgentAvailabilityChangedEvent(String agentId,
                                            Availability availability,
                                            Availability previousAvailability,
                                            String changedById,
                                            Role changedByRole,
                                            Instant changedAt) {
}
