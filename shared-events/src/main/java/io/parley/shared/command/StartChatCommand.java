package io.parley.shared.command;

import io.parley.shared.Actor;
import io.parley.shared.Priority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A customer or guest opens a support chat with a first message. Answered with a {@link StartChatResult}; a
 * customer who already has an active chat gets that chat back and nothing is created.
 */
public record StartChatCommand(@TargetAggregateIdentifier String chatId,
                               Actor actor,
                               String customerEmail,
                               String subject,
                               String category,
                               Priority priority,
                               String messageId,
                               String content,
                               List<String> attachmentIds,
                               String clientMessageId) implements ActorCommand {
}
