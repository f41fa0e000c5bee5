package io.parley.query.web;

import io.parley.query.chat.ChatQueryHandler;
import io.parley.query.chat.MessageQueryHandler;
import io.parley.query.chat.ReadYourWrites;
import io.parley.query.chat.UnreadQueryHandler;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Pagination;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchInboxQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.FetchMyChatsQuery;
import io.parley.shared.query.FetchUnreadCountsQuery;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.UnreadCountsView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The read endpoints of chats and messages. They call the query handlers in-process, so a rejection reaches
 * the global error advice as the {@link ChatRejectedException} it is; the handlers check paging and filters.
 */
@RestController
@RequestMapping("/api/chats")
public class ChatReadController {
    private final ChatQueryHandler chats;
    private final MessageQueryHandler messages;
    private final UnreadQueryHandler unread;
    /** Chats of an unread-count read that wait for their writes; an admin's scope can hold thousands. */
    static final int WAITED_FOR = 50;

    private final EventStore eventStore;
    private final ReadYourWrites readYourWrites;

    ChatReadController(ChatQueryHandler chats, MessageQueryHandler messages, UnreadQueryHandler unread,
                       EventStore eventStore, ReadYourWrites readYourWrites) {
        this.chats = chats;
        this.messages = messages;
        this.unread = unread;
        this.eventStore = eventStore;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/mine")
    public ApiResponse<List<ChatView>> mine(@AuthenticationPrincipal Actor actor,
                                            @RequestParam(defaultValue = "1") int page,
                                            @RequestParam(defaultValue = "20") int limit) {
        return paged(chats.handle(new FetchMyChatsQuery(required(actor), page, limit)));
    }

    @GetMapping
    public ApiResponse<List<ChatView>> inbox(@AuthenticationPrincipal Actor actor,
                                             @RequestParam(required = false) List<String> status,
                                             @RequestParam(required = false) String assignee,
                                             @RequestParam(required = false) String priority,
                                             @RequestParam(required = false) String category,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) String tag,
                                             @RequestParam(defaultValue = "1") int page,
                                             @RequestParam(defaultValue = "20") int limit) {
        return paged(chats.handle(new FetchInboxQuery(required(actor), status == null ? List.of() : status,
                assignee, priority, category, q, page, limit, tag)));
    }

    /**
     * Read-your-writes for the badge: the counts of the chats in the viewer's scope (at most the first
     * {@value #WAITED_FOR}) wait until the read models show every write stored before the read began, like a
     * read of one chat; a message answered a moment ago is counted.
     */
    @GetMapping("/unread-count")
    public ApiResponse<UnreadCountsView> unreadCount(@AuthenticationPrincipal Actor actor) {
        FetchUnreadCountsQuery query = new FetchUnreadCountsQuery(required(actor));
        UnreadCountsView counts = unread.handle(query);
        boolean waited = false;
        for (UnreadCountsView.ChatUnread chat : counts.chats().stream().limit(WAITED_FOR).toList()) {
            long version = stored(chat.chatId());
            if (!readYourWrites.caughtUp(chat.chatId(), version)) {
                readYourWrites.await(chat.chatId(), version);
                waited = true;
            }
        }
        return ApiResponse.ok(waited ? unread.handle(query) : counts);
    }

    @GetMapping("/{chatId}")
    public ApiResponse<ChatView> chat(@AuthenticationPrincipal Actor actor, @PathVariable String chatId) {
        return ApiResponse.ok(chats.handle(new FetchChatQuery(chatId, required(actor), stored(chatId))));
    }

    /** Ascending by seq; without afterSeq the latest {@code limit} (default 50, at most 200). */
    @GetMapping("/{chatId}/messages")
    public ApiResponse<List<MessageView>> messages(@AuthenticationPrincipal Actor actor,
                                                   @PathVariable String chatId,
                                                   @RequestParam(required = false) Long afterSeq,
                                                   @RequestParam(required = false) Long beforeSeq,
                                                   @RequestParam(defaultValue = "50") int limit) {
        return ApiResponse.ok(messages.handle(
                new FetchMessagesQuery(chatId, required(actor), afterSeq, beforeSeq, limit,
                        stored(chatId))));
    }

    /**
     * The chat's version in the event store: a read waits until the read models show every write stored before
     * it began, on whichever node it was made, because writes answer from their events without waiting for them.
     */
    private long stored(String chatId) {
        // An id no chat can have is answered NOT_FOUND by the handler; no need to look it up.
        return chatId.length() > 64 ? 0 : eventStore.lastSequenceNumberFor(chatId).orElse(0L);
    }

    private static ApiResponse<List<ChatView>> paged(ChatPage page) {
        return ApiResponse.page(page.items(), Pagination.of(page.page(), page.limit(), page.total()));
    }

    /** Security normally stops anonymous calls first; this keeps a misconfiguration from leaking data. */
    private static Actor required(Actor actor) {
        if (actor == null) {
            throw new ChatRejectedException(ErrorCode.AUTH_REQUIRED, "AUTH_REQUIRED", "authentication required");
        }
        return actor;
    }
}
