package io.parley.command.conversation;

import io.parley.command.attachments.AttachmentClaims;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.event.Attachment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Starts chats, enforcing one active chat per customer across aggregates: the active-chat row is claimed in the
 * same transaction as the new chat's events, so of two simultaneous starts only one commits; the other is
 * retried by the gateway and then finds the winner's chat.
 */
@Component
class ChatStarter {
    /** Axon numbers an aggregate's events from 0; a started chat has its start and first message. */
    static final long STARTED_VERSION = 1;

    private final Repository<Conversation> repository;
    private final ActiveChats activeChats;
    private final TicketNumbers ticketNumbers;
    private final AttachmentClaims claims;

    ChatStarter(Repository<Conversation> repository, ActiveChats activeChats, TicketNumbers ticketNumbers,
                AttachmentClaims claims) {
        this.repository = repository;
        this.activeChats = activeChats;
        this.ticketNumbers = ticketNumbers;
        this.claims = claims;
    }

    @CommandHandler
    StartChatResult handle(StartChatCommand cmd) throws Exception {
        MessageRules.checkContent(cmd.content(), cmd.attachmentIds());
        Optional<String> existing = activeChats.of(cmd.actor().id());
        if (existing.isPresent()) {
            return new StartChatResult(existing.get(), true, STARTED_VERSION, null);
        }
        activeChats.claim(cmd.actor().id(), cmd.chatId());
        // The first message's media, claimed in the transaction that creates the chat.
        List<Attachment> attachments = claims.claim(cmd.actor(), cmd.chatId(), cmd.actor().id(), cmd.messageId(),
                MessageRules.attachments(cmd.attachmentIds()));
        String ticketNumber = ticketNumbers.next();
        Aggregate<Conversation> chat = repository.newInstance(
                () -> new Conversation(cmd, ticketNumber, attachments, Clocks.now()));
        return new StartChatResult(cmd.chatId(), false, chat.version(), chat.invoke(Conversation::state));
    }
}
