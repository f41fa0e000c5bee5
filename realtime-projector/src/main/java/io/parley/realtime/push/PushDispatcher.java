package io.parley.realtime.push;

import io.parley.realtime.gateway.AckGate;
import io.parley.realtime.gateway.ChatLanes;
import io.parley.realtime.gateway.Exclude;
import io.parley.realtime.gateway.Rooms;
import io.parley.realtime.gateway.Wire;
import io.parley.realtime.push.PushBatch.ChatPushes;
import io.parley.realtime.push.PushBatch.Push;
import org.springframework.stereotype.Component;

/**
 * Sends a committed batch, off the committing thread, in each chat's lane: after the acknowledgements of the
 * batch's socket-sent messages, the direct pushes in event order; then the read-model ones (newChat,
 * inboxUpdate) in the chat's inbox lane. Staff get chat-wide events once, through {@code agents}.
 */
@Component
class PushDispatcher {
    private final ChatLanes lanes;
    private final AckGate gate;
    private final Rooms rooms;
    private final InboxPushes inbox;

    PushDispatcher(ChatLanes lanes, AckGate gate, Rooms rooms, InboxPushes inbox) {
        this.lanes = lanes;
        this.gate = gate;
        this.rooms = rooms;
        this.inbox = inbox;
    }

    void dispatch(PushBatch batch) {
        for (ChatPushes chat : batch.chats()) {
            lanes.submit(chat.chatId, () -> gate.released(chat.messageIds)
                    .thenRunAsync(() -> deliver(chat), lanes.executor()));
        }
        for (Wire.AgentAvailability change : batch.availability()) {
            lanes.run("availability:" + change.agentId(),
                    () -> rooms.send(Wire.AGENTS_ROOM, Wire.AGENT_AVAILABILITY, change));
        }
    }

    private void deliver(ChatPushes chat) {
        for (Push push : chat.pushes) send(chat.chatId, push);
        // The inbox pushes read read models at the batch's version, which may take a projection's poll on another
        // node: in a lane of their own (in order among themselves, after this batch's direct pushes), so the
        // chat's next newMessage never waits behind them.
        if (chat.started || chat.inboxChanged) lanes.run("inbox:" + chat.chatId, () -> inbox.push(chat));
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
        }
    }
}
