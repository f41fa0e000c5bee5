package io.parley.realtime.inbound;

import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.dispatch.InvalidPayloadException;
import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.Actor;
import io.parley.shared.ActorMetaData;
import io.parley.shared.Availability;
import io.parley.shared.command.AvailabilitySet;
import io.parley.shared.command.SetAvailabilityCommand;
import io.parley.shared.error.ChatRejectedException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * {@code setAvailability {availability}} (agents and admins): online, busy or away. A business fact, so a
 * command and an event; {@code agentAvailability} reaches {@code agents} once it is stored.
 */
@Component
class SetAvailability implements SocketEvent {
    private final CommandGateway commands;

    SetAvailability(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "setAvailability";
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{availability}");
        String wire = payload.optionalText("availability", 16);
        payload.check();
        Actor agent = session.actor();
        if (!agent.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins have an availability");
        }
        Availability availability = Availability.fromWire(wire).orElseThrow(() -> new InvalidPayloadException(
                List.of(Map.of("field", "availability", "message", "availability must be one of online, busy, away"))));
        // Not a chat command, so the actor goes into the metadata here rather than by the chat interceptor.
        AvailabilitySet set = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new SetAvailabilityCommand(agent.id(), agent, availability)).andMetaData(Map.of(
                ActorMetaData.ACTOR_ID, agent.id(),
                ActorMetaData.ACTOR_ROLE, agent.role().wire(),
                ActorMetaData.ACTOR_NAME, agent.name() == null ? "" : agent.name())));
        reply.ok(new Wire.AgentAvailability(set.agentId(), set.availability().wire(), set.changedAt()));
    }
}
