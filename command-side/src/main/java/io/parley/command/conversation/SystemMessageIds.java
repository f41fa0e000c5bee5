package io.parley.command.conversation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** System notices get ids derived from their place in the chat, so the aggregate stays deterministic. */
final class SystemMessageIds {
    private SystemMessageIds() {
    }

    static String of(String chatId, long seq) {
        return UUID.nameUUIDFromBytes((chatId + "#" + seq).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
