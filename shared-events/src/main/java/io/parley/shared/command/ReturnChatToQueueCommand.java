package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a chat away from {@code agentId} and puts it back in the queue; nothing happens when someone else holds
 * it by now (the command may race a transfer). {@code reason} is recorded on the event.
 */
public record ReturnChatToQueueCommand(@TargetAggregateIdentifier String chatId,
                                       Actor actor,
                                       String agentId,
                                       String reason) implements ActorCommand {
}
