package io.parley.shared.query;

import java.util.List;

/** One page of chats with the total across all pages. */
public record ChatPage(List<ChatView> items, int page, int limit, long total) {
}
