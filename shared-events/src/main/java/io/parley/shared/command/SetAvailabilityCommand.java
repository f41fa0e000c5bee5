package io.parley.shared.command;

import io.parley.shared.Actor;
import io.parley.shared.Availability;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent (or an admin for them) says whether they take new work; answered with {@link AvailabilitySet}. */
public record SetAvailabilityCommand(@TargetAggregateIdentifier String agentId,
                                     Actor actor,
                                     Availability availability) {
}
