package io.parley.realtime.inbound;

import io.parley.realtime.broadcast.Wire;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;

import java.time.Instant;
import java.util.List;

/** The data of the acknowledgements that are not a contract view of their own. */
final class Acks {
    private Acks() {
    }

    /** joinChat: the chat, what the client missed, and who else is in the chat right now. */
    record Joined(ChatView chat, List<MessageView> missed, List<Wire.Presence> presence) {
    }

    record Read(String chatId, String readerId, long upToSeq, Instant readAt) {
    }

    record Delivered(String chatId, String recipientId, long upToSeq, Instant deliveredAt) {
    }
}
