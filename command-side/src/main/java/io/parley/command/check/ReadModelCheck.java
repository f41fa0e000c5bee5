package io.parley.command.check;

import io.parley.command.web.ChatFromEvents;
import io.parley.shared.Actor;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One chat's read models against a fresh fold of its stored events: the inbox's chat (status, holder, ticket,
 * resolution, last message …) and the history's messages, seq by seq. The events are read first; the read models
 * are then asked at that version, so a chat that is still being written to compares what both have. Unread counts
 * depend on the reader and are not compared here (the unread read model derives them from the same pointers).
 */
@Component
public class ReadModelCheck {
    private static final int PAGE = 200;

    /** A field on which a read model and the events disagree. */
    public record Difference(String readModel, String field, Object readModelValue, Object eventsValue) {
    }

    /** The verdict on one chat: consistent when there is no difference. */
    public record Report(String chatId, long version, int messages, boolean consistent,
                         List<Difference> differences) {
    }

    private final ChatFromEvents events;
    private final QueryGateway queries;

    ReadModelCheck(ChatFromEvents events, QueryGateway queries) {
        this.events = events;
        this.queries = queries;
    }

    public Report check(String chatId, Actor admin) {
        ChatFromEvents.Folded folded = events.fold(chatId, admin, null, Integer.MAX_VALUE)
                .orElseThrow(() -> ChatRejectedException.notFound("chat"));
        long version = folded.version();
        ChatView chat = queries.query(new FetchChatQuery(chatId, admin, version), ChatView.class).join();
        List<MessageView> history = history(chatId, admin, version);

        List<Difference> differences = new ArrayList<>();
        compareChat(chat, folded.chat(), differences);
        compareMessages(history, folded.messages(), differences);
        return new Report(chatId, version, folded.messages().size(), differences.isEmpty(), differences);
    }

    private List<MessageView> history(String chatId, Actor admin, long version) {
        List<MessageView> all = new ArrayList<>();
        Long after = 0L;
        while (true) {
            List<MessageView> page = queries.query(new FetchMessagesQuery(chatId, admin, after, null, PAGE, version),
                    ResponseTypes.multipleInstancesOf(MessageView.class)).join();
            all.addAll(page);
            if (page.size() < PAGE) return all;
            after = page.get(page.size() - 1).seq();
        }
    }

    private static void compareChat(ChatView read, ChatView folded, List<Difference> differences) {
        field("ticketNumber", ChatView::ticketNumber, read, folded, differences);
        field("subject", ChatView::subject, read, folded, differences);
        field("status", ChatView::status, read, folded, differences);
        field("priority", ChatView::priority, read, folded, differences);
        field("category", ChatView::category, read, folded, differences);
        field("customer", ChatView::customer, read, folded, differences);
        field("assignedAgent", ChatView::assignedAgent, read, folded, differences);
        field("createdAt", ChatView::createdAt, read, folded, differences);
        field("updatedAt", ChatView::updatedAt, read, folded, differences);
        field("lastMessage.seq", c -> c.lastMessage() == null ? null : c.lastMessage().seq(), read, folded,
                differences);
        field("resolvedAt", ChatView::resolvedAt, read, folded, differences);
        field("closedAt", ChatView::closedAt, read, folded, differences);
        field("resolutionSummary", ChatView::resolutionSummary, read, folded, differences);
        field("tags", ChatView::tags, read, folded, differences);
        field("rating", ChatView::rating, read, folded, differences);
    }

    private static void field(String name, Function<ChatView, Object> value, ChatView read, ChatView folded,
                              List<Difference> differences) {
        Object a = value.apply(read);
        Object b = value.apply(folded);
        if (!Objects.equals(a, b)) differences.add(new Difference("inbox", name, a, b));
    }

    private static void compareMessages(List<MessageView> read, List<MessageView> folded,
                                        List<Difference> differences) {
        for (int i = 0; i < folded.size(); i++) {
            if (folded.get(i).seq() != i + 1) {
                differences.add(new Difference("events", "seq at position " + (i + 1), null, folded.get(i).seq()));
                return;
            }
        }
        if (read.size() != folded.size()) {
            differences.add(new Difference("history", "messages", read.size(), folded.size()));
        }
        for (int i = 0; i < Math.min(read.size(), folded.size()); i++) {
            MessageView a = withoutReadAt(read.get(i));
            MessageView b = withoutReadAt(folded.get(i));
            if (!a.equals(b)) differences.add(new Difference("history", "message seq " + b.seq(), a, b));
        }
    }

    /** When the other side read a message is the history's to know; the events fold leaves it unset. */
    private static MessageView withoutReadAt(MessageView m) {
        return new MessageView(m.id(), m.chatId(), m.seq(), m.senderId(), m.senderType(), m.senderName(),
                m.content(), m.attachments(), m.clientMessageId(), m.createdAt(), null);
    }
}
