package io.parley.realtime.push;

import io.parley.realtime.broadcast.Rooms;
import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.push.PushBatch.ChatPushes;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.command.ChatState;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.MessageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code newChat} to {@code agents}, and {@code inboxUpdate} to the customer (customer-side unread count), to the
 * holder, or to {@code agents} while the chat is unassigned (staff-side count); a transfer also tells the former
 * holder. Built from the command's state and the batch's events; only a last message this node has not seen is
 * looked up, off the lane ({@link LateLastMessage}).
 */
@Component
class InboxPushes {
    private static final Logger log = LoggerFactory.getLogger(InboxPushes.class);

    private final Rooms rooms;
    private final LastMessages last;
    private final LateLastMessage late;

    InboxPushes(Rooms rooms, LastMessages last, LateLastMessage late) {
        this.rooms = rooms;
        this.last = last;
        this.late = late;
    }

    void push(ChatPushes chat) {
        ChatState state = chat.state;
        if (state == null) {
            log.warn("no chat state came with the commit of chat {}: its inbox update is skipped", chat.chatId);
            return;
        }
        if (chat.lastMessage != null) last.remember(chat.lastMessage);
        if (chat.started != null) rooms.send(Wire.AGENTS_ROOM, Wire.NEW_CHAT, NewChats.of(chat.started, chat, state));
        if (!chat.inboxChanged) return;
        MessageView lastMessage = chat.lastMessage != null ? chat.lastMessage
                : last.at(state.chatId(), state.lastSeq());
        if (lastMessage != null) {
            late.sentAt(state);
            send(chat, state, lastMessage);
        } else {
            late.lookUp(state, found -> send(chat, state, found));
        }
    }

    private void send(ChatPushes chat, ChatState state, MessageView lastMessage) {
        rooms.send(Wire.personalRoom(state.customerId(), state.customerRole() == Role.GUEST), Wire.INBOX_UPDATE,
                update(state, lastMessage, Side.CUSTOMER));
        Wire.InboxUpdate staffUpdate = update(state, lastMessage, Side.STAFF);
        String holder = state.agentId();
        if (holder == null || chat.wasUnassigned) {
            // Holders, former holders and admins are all in agents: one send reaches each of them once.
            rooms.send(Wire.AGENTS_ROOM, Wire.INBOX_UPDATE, staffUpdate);
            return;
        }
        rooms.send(Wire.personalRoom(holder, false), Wire.INBOX_UPDATE, staffUpdate);
        for (String former : chat.formerAgents) {
            if (!former.equals(holder)) rooms.send(Wire.personalRoom(former, false), Wire.INBOX_UPDATE, staffUpdate);
        }
    }

    private static Wire.InboxUpdate update(ChatState state, MessageView lastMessage, Side side) {
        AgentRef agent = state.agentId() == null ? null : new AgentRef(state.agentId(), state.agentName());
        return new Wire.InboxUpdate(state.chatId(), state.ticketNumber(), state.status().wire(), agent, lastMessage,
                state.unreadFor(side));
    }
}
