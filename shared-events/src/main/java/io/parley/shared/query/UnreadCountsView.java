package io.parley.shared.query;

import java.util.List;

/** The viewer's unread total and the per-chat counts that make it up. */
public record UnreadCountsView(long total, List<ChatUnread> chats) {

    /** One chat's unread count for the viewer's side. */
    public record ChatUnread(String chatId, long unreadCount) {
    }
}
