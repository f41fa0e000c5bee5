package io.parley.shared.command;

import io.parley.shared.Availability;

import java.time.Instant;

/** Result of a {@link SetAvailabilityCommand}: the agent's availability now and since when. */
public record AvailabilitySet(String agentId, Availability availability, Instant changedAt) {
}
