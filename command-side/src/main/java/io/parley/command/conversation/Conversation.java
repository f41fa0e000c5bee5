package io.parley.command.conversation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.parley.command.attachments.AttachmentClaims;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.command.AddNoteCommand;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.AutoCloseChatCommand;
import io.parley.shared.command.ChangeStatusCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.ChatRatedResult;
import io.parley.shared.command.ChatState;
import io.parley.shared.command.CloseChatCommand;
import io.parley.shared.command.EditChatCommand;
import io.parley.shared.command.MarkDeliveredCommand;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.RateChatCommand;
import io.parley.shared.command.ReturnChatToQueueCommand;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.Attachment;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.ChatUpdatedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesDeliveredEvent;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.event.NoteAddedEvent;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One support chat. Holds only what its rules need: status, participants, the last seq, the read and delivered
 * pointers of each side, and a bounded window of recent client message ids. Message bodies live in read models.
 */
// Revision 2 added the ticket number and customer role to the state, revision 3 the editable details and the
// rating: older snapshots are ignored, not misread.
@Revision("3")
@Aggregate(snapshotTriggerDefinition = "conversationSnapshotTrigger", cache = "conversationCache",
        commandTargetResolver = "chatCommandTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Conversation {

    @AggregateIdentifier
    private String chatId;
    private String ticketNumber;
    private String customerId;
    private Role customerRole;
    private ChatStatus status;
    private String agentId;
    private String agentName;
    private long lastSeq;
    private Instant resolvedAt;
    private Pointers read = new Pointers();
    private Pointers delivered = new Pointers();
    private RecentClientMessages recent = new RecentClientMessages();
    private ChatDetails details = new ChatDetails();
    private boolean rated;

    Conversation() {
        // for Axon and snapshots
    }

    /** {@code attachments}: the first message's media, claimed by the caller in this same transaction. */
    Conversation(StartChatCommand cmd, String ticketNumber, List<Attachment> attachments, Instant now) {
        Actor customer = cmd.actor();
        if (!customer.isCustomer()) {
            throw ChatRejectedException.forbidden("NOT_A_CUSTOMER", "only customers and guests start chats");
        }
        MessageRules.checkContent(cmd.content(), cmd.attachmentIds());
        apply(new ChatStartedEvent(cmd.chatId(), ticketNumber, customer.id(), customer.role(), customer.name(),
                cmd.customerEmail(), cmd.subject(), cmd.category(), cmd.priority(), now));
        apply(new MessageSentEvent(cmd.chatId(), cmd.messageId(), 1, customer.id(), customer.role(),
                customer.name(), cmd.content(), attachments, cmd.clientMessageId(), now));
    }

    @CommandHandler
    MessageAccepted handle(SendMessageCommand cmd, AttachmentClaims claims) {
        Actor sender = cmd.actor();
        checkParticipant(sender);
        RecentClientMessages.Entry original = recent.find(sender.id(), cmd.clientMessageId());
        if (original != null) {
            return new MessageAccepted(chatId, original.messageId(), original.seq(), true, getVersion(), null,
                    state());
        }
        checkNotClosed();
        MessageRules.checkContent(cmd.content(), cmd.attachmentIds());
        boolean takes = checkMayWrite(sender);
        // Claimed before anything is applied: a refused attachment leaves no event, and the claim rolls back
        // with the append if that fails.
        List<Attachment> attachments = claims.claim(sender, chatId, customerId, cmd.messageId(),
                MessageRules.attachments(cmd.attachmentIds()));
        Instant now = Clocks.now();
        if (takes) assign(sender, sender.id(), sender.name(), now);
        Side side = sender.role().side().orElseThrow();
        if (read.of(side) < lastSeq) {
            // Replying means the sender has seen everything before the reply.
            apply(new MessagesReadEvent(chatId, side, sender.id(), sender.role(), lastSeq, now));
        }
        if (sender.isCustomer() && status == ChatStatus.PENDING) {
            changeStatus(ChatStatus.IN_PROGRESS, sender, null, now);
        } else if (sender.isCustomer() && status == ChatStatus.RESOLVED) {
            changeStatus(agentId == null ? ChatStatus.OPEN : ChatStatus.IN_PROGRESS, sender, null, now);
        }
        long seq = lastSeq + 1;
        MessageSentEvent sent = new MessageSentEvent(chatId, cmd.messageId(), seq, sender.id(), sender.role(),
                sender.name(), cmd.content(), attachments, cmd.clientMessageId(), now);
        apply(sent);
        return new MessageAccepted(chatId, cmd.messageId(), seq, false, getVersion(), MessageView.of(sent),
                state());
    }

    /**
     * A private note for staff. Any agent may leave one, holder or not, on a chat in any status (a note after the
     * close is how a team records a post-mortem); it changes nothing a customer sees, so no state moves.
     */
    @CommandHandler
    NoteView handle(AddNoteCommand cmd) {
        Actor author = cmd.actor();
        if (!author.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins write notes");
        }
        MessageRules.checkNote(cmd.content());
        NoteAddedEvent added = new NoteAddedEvent(chatId, cmd.noteId(), lastSeq, author.id(), author.role(),
                author.name(), cmd.content(), Clocks.now());
        apply(added);
        return NoteView.of(added);
    }

    @CommandHandler
    ChatChanged handle(AssignAgentCommand cmd) {
        Actor by = cmd.actor();
        if (by.role() == Role.SYSTEM) {
            return routed(cmd);
        }
        if (!by.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins take chats");
        }
        checkNotClosed();
        String target = cmd.agentId() == null ? by.id() : cmd.agentId();
        String targetName = cmd.agentId() == null ? by.name() : cmd.agentName();
        boolean holderTransfers = by.id().equals(agentId);
        if (!target.equals(by.id()) && by.role() != Role.ADMIN && !holderTransfers) {
            throw ChatRejectedException.forbidden("ADMIN_ONLY", "only admins assign chats to someone else");
        }
        if (target.equals(agentId)) {
            return changed();
        }
        if (agentId != null && by.role() != Role.ADMIN && !holderTransfers) {
            throw ChatRejectedException.conflict("ALREADY_ASSIGNED", "this chat is held by another agent");
        }
        assign(by, target, targetName, Clocks.now());
        return changed();
    }

    /**
     * The router's assignment (actor {@code system}) of a chat that waits: active and held by nobody. Anything
     * else is a no-op, not an error, so a router deciding on a stale view can never take a chat from its holder;
     * the answer's state says who holds the chat.
     */
    private ChatChanged routed(AssignAgentCommand cmd) {
        if (agentId == null && status != null && status.isActive() && cmd.agentId() != null) {
            assign(cmd.actor(), cmd.agentId(), cmd.agentName(), Clocks.now());
        }
        return changed();
    }

    private void assign(Actor by, String target, String targetName, Instant now) {
        String previous = agentId;
        apply(new AgentAssignedEvent(chatId, target, targetName, previous, by.id(), by.role(), now));
        systemMessage(previous == null ? targetName + " joined the chat"
                : "The chat was transferred to " + targetName, now);
        if (status == ChatStatus.OPEN) {
            changeStatus(ChatStatus.IN_PROGRESS, by, null, now);
        }
    }

    /**
     * The holder leaves without a successor: the chat is unassigned, a system message says so, and an active chat
     * is open again (the status table's state for "nobody holds it"); a resolved one stays resolved.
     */
    @CommandHandler
    ChatChanged handle(ReturnChatToQueueCommand cmd) {
        Actor by = cmd.actor();
        if (by.role() != Role.ADMIN && by.role() != Role.SYSTEM) {
            throw ChatRejectedException.forbidden("ADMIN_ONLY", "only admins return a chat to the queue");
        }
        if (status == ChatStatus.CLOSED || agentId == null || !agentId.equals(cmd.agentId())) {
            return changed();
        }
        Instant now = Clocks.now();
        String previousName = agentName;
        apply(new ChatReturnedToQueueEvent(chatId, agentId, cmd.reason(), by.id(), by.role(), now));
        systemMessage((previousName == null ? "The agent" : previousName)
                + " is no longer available; the chat is back in the queue", now);
        if (status == ChatStatus.IN_PROGRESS || status == ChatStatus.PENDING) {
            // The notice above already tells the reader; a second one about the status would say the same.
            apply(new ChatStatusChangedEvent(chatId, ChatStatus.OPEN, status, by.id(), by.role(), null, now));
        }
        return changed();
    }

    /**
     * Who may write: the customer, the holding agent and admins. An agent writing in an unassigned chat takes it,
     * as {@code assign} would (answers true); one writing in a chat another agent holds is refused.
     */
    private boolean checkMayWrite(Actor sender) {
        if (sender.role() != Role.AGENT) return false;
        if (agentId == null) return true;
        if (!agentId.equals(sender.id())) {
            throw ChatRejectedException.conflict("HELD_BY_ANOTHER_AGENT",
                    "this chat is held by another agent; the holder or an admin may transfer it");
        }
        return false;
    }

    @CommandHandler
    ChatChanged handle(ChangeStatusCommand cmd) {
        Actor by = cmd.actor();
        if (!by.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins change a chat's status");
        }
        MessageRules.checkSummary(cmd.resolutionSummary());
        ChatStatus target = Objects.requireNonNull(cmd.status(), "status");
        if (target == ChatStatus.CLOSED) {
            close(by, cmd.resolutionSummary());
            return changed();
        }
        checkNotClosed();
        if (target == status) {
            return changed();
        }
        if (!StatusRules.staffMayMove(status, target)) {
            throw ChatRejectedException.conflict("INVALID_TRANSITION",
                    "a chat cannot go from " + status.wire() + " to " + target.wire());
        }
        changeStatus(target, by, cmd.resolutionSummary(), Clocks.now());
        return changed();
    }

    @CommandHandler
    ChatChanged handle(CloseChatCommand cmd) {
        Actor by = cmd.actor();
        checkParticipant(by);
        MessageRules.checkSummary(cmd.resolutionSummary());
        close(by, cmd.resolutionSummary());
        return changed();
    }

    @CommandHandler
    ChatChanged handle(AutoCloseChatCommand cmd) {
        // The policy may fire late or twice, or race a reopen: only a chat still resolved since then closes.
        if (status == ChatStatus.RESOLVED && resolvedAt != null && !resolvedAt.isAfter(cmd.resolvedAtOrBefore())) {
            close(Actor.system(), null);
        }
        return changed();
    }

    @CommandHandler
    PointerMoved handle(MarkReadCommand cmd) {
        Actor reader = cmd.actor();
        checkParticipant(reader);
        Side side = reader.role().side().orElseThrow();
        long upTo = target(cmd.upToSeq());
        if (upTo > read.of(side)) {
            Instant now = Clocks.now();
            apply(new MessagesReadEvent(chatId, side, reader.id(), reader.role(), upTo, now));
        }
        return new PointerMoved(chatId, read.of(side), read.at(side), getVersion(), state());
    }

    @CommandHandler
    PointerMoved handle(MarkDeliveredCommand cmd) {
        Actor recipient = cmd.actor();
        checkParticipant(recipient);
        Side side = recipient.role().side().orElseThrow();
        long upTo = target(cmd.upToSeq());
        if (upTo > delivered.of(side)) {
            apply(new MessagesDeliveredEvent(chatId, side, recipient.id(), recipient.role(), upTo, Clocks.now()));
        }
        return new PointerMoved(chatId, delivered.of(side), delivered.at(side), getVersion(), state());
    }

    @CommandHandler
    ChatChanged handle(EditChatCommand cmd) {
        Actor by = cmd.actor();
        if (!by.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins edit a chat");
        }
        checkNotClosed();
        ChatUpdatedEvent changes = details.changes(cmd, by, Clocks.now());
        // An edit that changes nothing is no fact: the chat is answered as it is, and nothing is stored.
        if (changes != null) apply(changes);
        return changed();
    }

    /** CSAT: the chat's own customer, once, after the chat was resolved or closed. */
    @CommandHandler
    ChatRatedResult handle(RateChatCommand cmd) {
        Actor by = cmd.actor();
        if (by.isStaff()) {
            throw ChatRejectedException.forbidden("CUSTOMER_ONLY", "only the chat's customer rates it");
        }
        checkParticipant(by);
        RatingRules.check(cmd.score(), cmd.comment());
        if (rated) {
            throw ChatRejectedException.conflict("ALREADY_RATED", "this chat has been rated already");
        }
        if (status != ChatStatus.RESOLVED && status != ChatStatus.CLOSED) {
            throw ChatRejectedException.conflict("NOT_RESOLVED", "a chat can be rated once it is resolved or closed");
        }
        String comment = cmd.comment() == null || cmd.comment().isBlank() ? null : cmd.comment().strip();
        ChatRatedEvent rating = new ChatRatedEvent(chatId, cmd.score(), comment, by.id(), by.role(), Clocks.now());
        apply(rating);
        return new ChatRatedResult(rating, getVersion());
    }

    /** The decision state after this command, for pushes built straight from the commit. */
    ChatState state() {
        return new ChatState(chatId, ticketNumber, customerId, customerRole, status, agentId, agentName, lastSeq,
                read.of(Side.CUSTOMER), read.of(Side.STAFF), getVersion());
    }

    private ChatChanged changed() {
        return new ChatChanged(chatId, getVersion(), state());
    }

    private long target(Long upToSeq) {
        if (upToSeq == null) return lastSeq;
        if (upToSeq < 0 || upToSeq > lastSeq) {
            throw ChatRejectedException.invalid("upToSeq", "SEQ_OUT_OF_RANGE",
                    "upToSeq must be between 0 and the last seq " + lastSeq);
        }
        return upToSeq;
    }

    private void close(Actor by, String summary) {
        checkNotClosed();
        Instant now = Clocks.now();
        systemMessage(summary == null || summary.isBlank() ? "The chat was closed"
                : "The chat was closed: " + summary, now);
        apply(new ChatClosedEvent(chatId, status, by.id(), by.role(), summary, now));
    }

    private void changeStatus(ChatStatus target, Actor by, String summary, Instant now) {
        ChatStatus previous = status;
        apply(new ChatStatusChangedEvent(chatId, target, previous, by.id(), by.role(), summary, now));
        systemMessage(StatusRules.notice(previous, target, summary), now);
    }

    private void systemMessage(String text, Instant now) {
        long seq = lastSeq + 1;
        Actor system = Actor.system();
        apply(new MessageSentEvent(chatId, SystemMessageIds.of(chatId, seq), seq, system.id(), system.role(),
                system.name(), text, List.of(), null, now));
    }

    private void checkParticipant(Actor actor) {
        if (actor.isStaff()) return;
        if (!actor.isCustomer() || !actor.id().equals(customerId)) {
            // Not "forbidden": a chat the caller may not see must look like one that does not exist.
            throw ChatRejectedException.notFound("chat");
        }
    }

    private void checkNotClosed() {
        if (status == ChatStatus.CLOSED) {
            throw ChatRejectedException.conflict("CHAT_CLOSED", "this chat is closed; start a new one instead");
        }
    }

    @EventSourcingHandler
    void on(ChatStartedEvent event) {
        chatId = event.chatId();
        ticketNumber = event.ticketNumber();
        customerId = event.customerId();
        customerRole = event.customerRole();
        status = ChatStatus.OPEN;
        details.started(event);
    }

    @EventSourcingHandler
    void on(ChatUpdatedEvent event) {
        details.updated(event);
    }

    @EventSourcingHandler
    void on(ChatRatedEvent event) {
        rated = true;
    }

    @EventSourcingHandler
    void on(MessageSentEvent event) {
        lastSeq = event.seq();
        Side side = event.senderRole().side().orElse(null);
        if (side != null) {
            read.advanceOwn(side, event.seq(), event.sentAt());
            recent.remember(event.senderId(), event.clientMessageId(), event.messageId(), event.seq());
        } else {
            read.advanceIfCaughtUp(event.seq(), event.sentAt());
        }
    }

    @EventSourcingHandler
    void on(AgentAssignedEvent event) {
        agentId = event.agentId();
        agentName = event.agentName();
    }

    @EventSourcingHandler
    void on(ChatReturnedToQueueEvent event) {
        agentId = null;
        agentName = null;
    }

    @EventSourcingHandler
    void on(ChatStatusChangedEvent event) {
        status = event.status();
        resolvedAt = event.status() == ChatStatus.RESOLVED ? event.changedAt() : null;
    }

    @EventSourcingHandler
    void on(ChatClosedEvent event) {
        status = ChatStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(MessagesReadEvent event) {
        read.move(event.side(), event.upToSeq(), event.readAt());
    }

    @EventSourcingHandler
    void on(MessagesDeliveredEvent event) {
        delivered.move(event.side(), event.upToSeq(), event.deliveredAt());
    }
}
