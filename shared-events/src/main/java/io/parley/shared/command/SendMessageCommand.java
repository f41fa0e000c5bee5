package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** A participant posts a message; a repeated {@code clientMessageId} from the same sender appends nothing. */
public record SendMessageCommand(@TargetAggregateIdentifier String chatId,
                                 Actor actor,
                                 String messageId,
                                 String content,
                                 List<String> attachmentIds,
                                 String clientMessageId) implements ActorCommand {
}
