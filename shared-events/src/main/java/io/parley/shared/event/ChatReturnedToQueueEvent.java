package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A chat lost its holder without getting a new one (e.g. the agent was deactivated) and waits in the queue again;
 * {@code reason} says why in a word ({@code agent_deactivated}).
 */
@Revision("1")
public record ChatReturnedToQueueEvent(String chatId,
                                       String previousAgentId,
                                       String reason,
                                       String returnedById,
                                       Role returnedByRole,
                                       Instant returnedAt) {
    public static final String AGENT_DEACTIVATED = "agent_deactivated";
}
