package io.parley.server.axon;

import io.parley.shared.Actor;
import io.parley.shared.command.ActorCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.parley.shared.ActorMetaData.ACTOR_ID;
import static io.parley.shared.ActorMetaData.ACTOR_NAME;
import static io.parley.shared.ActorMetaData.ACTOR_ROLE;

/** Puts the actor of an {@link ActorCommand} into the command's metadata, from where it reaches every event. */
class ActorMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof ActorCommand command && command.actor() != null) {
                Actor actor = command.actor();
                return message.andMetaData(MetaData.from(Map.of(
                        ACTOR_ID, actor.id(),
                        ACTOR_ROLE, actor.role().wire(),
                        ACTOR_NAME, actor.name() == null ? "" : actor.name())));
            }
            return message;
        };
    }
}
