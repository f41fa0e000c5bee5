package io.parley.realtime.push;

import io.parley.realtime.broadcast.ChatLanes;
import io.parley.realtime.broadcast.Exclude;
import io.parley.realtime.broadcast.Rooms;
import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.push.PushBatch.ChatPushes;
import io.parley.realtime.push.PushBatch.Push;
import io.parley.shared.command.ChatState;
import io.parley.shared.query.MessageView;
import org.springframework.stereotype.Component;

/**
 * Sends a committed batch in each chat's lane, in commit order: first the acknowledgements of the batch's
 * socket-sent messages, then the direct pushes in event order, then newChat and inboxUpdate, all built from the
 * events and the command's state. Nothing here waits for a read model, a query or a lock. Staff get chat-wide
 * events once, through {@code agents}.
 */
@Component
class PushDispatcher {
    private final ChatLanes lanes;
    private final PendingAcks acks;
    private final Rooms rooms;
    private final InboxPushes inbox;

    PushDispatcher(ChatLanes lanes, PendingAcks acks, Rooms rooms, InboxPushes inbox) {
        this.lanes = lanes;
        this.acks = acks;
        this.rooms = rooms;
        this.inbox = inbox;
    }

    /** Called on the committing thread, right after the commit; {@code state} may be null. */
    void dispatch(PushBatch batch, ChatState state) {
        if (state != null) batch.chat(state.chatId()).state = state;
        for (ChatPushes chat : batch.chats()) {
            // Claimed here, before the sender's command returns, so the sender never answers a second time.
            for (MessageView message : chat.messages) {
                Reply reply = acks.claim(message.id());
                if (reply != null) chat.acks.add(new PushBatch.Ack(reply, message));
            }
            lanes.run(chat.chatId, () -> deliver(chat));
        }
        for (var change : batch.availability()) {
            lanes.run("availability:" + change.agentId(),
                    () -> rooms.send(Wire.AGENTS_ROOM, Wire.AGENT_AVAILABILITY, change));
        }
    }

    private void deliver(ChatPushes chat) {
        for (PushBatch.Ack ack : chat.acks) acks.acknowledge(ack.reply(), ack.message());
        for (Push push : chat.pushes) send(chat.chatId, push);
        if (chat.started != null || chat.inboxChanged) inbox.push(chat);
    }

    private void send(String chatId, Push push) {
        String room = Wire.chatRoom(chatId);
        switch (push.audience()) {
            case CHAT -> rooms.send(room, push.event(),
                    push.seq() > 0 ? Exclude.alreadySeen(chatId, push.seq()) : Exclude.NONE, push.payload());
            case CHAT_AND_AGENTS -> {
                rooms.send(Wire.AGENTS_ROOM, push.event(), push.payload());
                rooms.send(room, push.event(), Exclude.STAFF, push.payload());
            }
            case AGENTS -> rooms.send(Wire.AGENTS_ROOM, push.event(), push.payload());
        }
    }
}
