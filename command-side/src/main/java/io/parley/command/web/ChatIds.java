package io.parley.command.web;

import io.parley.shared.error.ChatRejectedException;

/** Chat ids are opaque, but a path that cannot be one is answered as an unknown chat, without a lookup. */
public final class ChatIds {
    private ChatIds() {
    }

    public static String check(String chatId) {
        if (chatId == null || chatId.isBlank() || chatId.length() > 64) {
            throw ChatRejectedException.notFound("chat");
        }
        return chatId;
    }
}
