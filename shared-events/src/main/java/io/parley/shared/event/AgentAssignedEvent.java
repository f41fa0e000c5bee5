package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A chat got a (new) holder; {@code previousAgentId} is set on a transfer. */
@Revision("1")
public record AgentAssignedEvent(String chatId,
                                 String agentId,
                                 String agentName,
                                 String previousAgentId,
                                 String assignedById,
                                 Role assignedByRole,
                                 Instant assignedAt) {
}
