package io.parley.query.chat;

import io.parley.query.unread.ChatPointers;
import io.parley.query.unread.UnreadChats;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.query.FetchUnreadCountsQuery;
import io.parley.shared.query.UnreadCountsView;
import io.parley.shared.query.UnreadCountsView.ChatUnread;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Answers unread counts for the viewer's side: a customer's own chats, the chats an agent holds (not closed),
 * every active chat for admins. Every chat in scope is listed, with 0 too, so a client can clear its badges.
 */
@Component
public class UnreadQueryHandler {
    private final UnreadChats unread;

    UnreadQueryHandler(UnreadChats unread) {
        this.unread = unread;
    }

    @QueryHandler
    public UnreadCountsView handle(FetchUnreadCountsQuery query) {
        Actor viewer = query.viewer();
        if (viewer == null || viewer.role() == null || viewer.role().side().isEmpty()) {
            return new UnreadCountsView(0, List.of());
        }
        Side side = viewer.role().side().get();
        List<ChatUnread> chats = scope(viewer).stream()
                .map(pointers -> new ChatUnread(pointers.chatId(), pointers.unread(side)))
                .toList();
        return new UnreadCountsView(chats.stream().mapToLong(ChatUnread::unreadCount).sum(), chats);
    }

    private List<ChatPointers> scope(Actor viewer) {
        if (viewer.isCustomer()) return unread.ofCustomer(viewer.id());
        if (viewer.role() == Role.ADMIN) return unread.active();
        return unread.heldBy(viewer.id());
    }
}
