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
 * Answers the socket senders of a committed batch on the committing thread, then sends the batch in each chat's
 * lane, in commit order: the direct pushes in event order, then newChat and inboxUpdate, all built from the events
 * and the command's state. Nothing here waits for a read model, a query or a lock, and an acknowledgement never
 * waits behind other chats' pushes: it is written before its chat's {@code newMessage} is even queued, so no
 * socket sees a message before its sender knows it is stored. Staff get chat-wide events once, through
 * {@code agents}.
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
            // Claimed here, before the sender's command returns, so the sender never answers a second time; the
            // commit order of one chat's batches is their order here (the aggregate's lock is still held).
            for (MessageView message : chat.messages) {
                Reply reply = acks.claim(message.id());
                if (reply != null) acks.acknowledge(reply, message);
            }
            lanes.run(chat.chatId, () -> deliver(chat));
        }
        for (var change : batch.availability()) {
            lanes.run("availability:" + change.agentId(),
                    () -> rooms.send(Wire.AGENTS_ROOM, Wire.AGENT_AVAILABILITY, change));
        }
    }

    private void deliver(ChatPushes chat) {
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
