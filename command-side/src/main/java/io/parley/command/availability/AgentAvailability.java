package io.parley.command.availability;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.parley.shared.Actor;
import io.parley.shared.Availability;
import io.parley.shared.Role;
import io.parley.shared.command.AvailabilitySet;
import io.parley.shared.command.SetAvailabilityCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.AgentAvailabilityChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One agent's availability (online, busy, away): a business fact with its own history, keyed by the agent's id
 * and created the first time it is set. Presence (is a socket connected) is transient and lives elsewhere.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AgentAvailability {

    @AggregateIdentifier
    private String agentId;
    private Availability availability;
    private Instant changedAt;

    AgentAvailability() {
        // for Axon: created on the first SetAvailabilityCommand of an agent
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AvailabilitySet handle(SetAvailabilityCommand cmd) {
        Actor by = cmd.actor();
        if (by == null || !by.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins have an availability");
        }
        if (!by.id().equals(cmd.agentId()) && by.role() != Role.ADMIN) {
            throw ChatRejectedException.forbidden("ADMIN_ONLY", "only admins set someone else's availability");
        }
        if (cmd.availability() == null) {
            throw ChatRejectedException.invalid("availability", "INVALID_AVAILABILITY",
                    "availability must be one of online, busy, away");
        }
        if (cmd.availability() != availability) {
            Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            apply(new AgentAvailabilityChangedEvent(cmd.agentId(), cmd.availability(), availability, by.id(),
                    by.role(), now));
        }
        return new AvailabilitySet(agentId, availability, changedAt);
    }

    @EventSourcingHandler
    void on(AgentAvailabilityChangedEvent event) {
        agentId = event.agentId();
        availability = event.availability();
        changedAt = event.changedAt();
    }
}
