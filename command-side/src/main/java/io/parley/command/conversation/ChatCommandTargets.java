package io.parley.command.conversation;

import io.parley.shared.command.ActorCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which chat a command is for. A participant's command names its chat through {@link ActorCommand#chatId()};
 * Axon's annotation resolver, which serves the rest, scans the payload's annotations on every command, a cost the
 * message path paid for each send.
 */
@Component("chatCommandTargets")
class ChatCommandTargets implements CommandTargetResolver {
    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ActorCommand chatCommand) {
            return new VersionedAggregateIdentifier(chatCommand.chatId(), null);
        }
        return annotated.resolveTarget(command);
    }
}
