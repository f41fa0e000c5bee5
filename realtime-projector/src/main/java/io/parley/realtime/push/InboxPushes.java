package io.parley.realtime.push;

import io.parley.realtime.gateway.Rooms;
import io.parley.realtime.gateway.Wire;
import io.parley.realtime.push.PushBatch.ChatPushes;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.CustomerView;
import io.parley.shared.query.FetchChatQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pushes made of read-model data, read at the version the batch committed: {@code newChat} to
 * {@code agents}, and {@code inboxUpdate} to the customer (customer-side unread count), to the holder, or to
 * {@code agents} while the chat is unassigned (staff-side count). A transfer also tells the former holder.
 */
@Component
class InboxPushes {
    private static final Logger log = LoggerFactory.getLogger(InboxPushes.class);
    /** Reads chats as staff do: every chat, with the staff side's unread count. */
    static final Actor STAFF_VIEWER = new Actor("realtime-projector", Role.AGENT, "Parley realtime");

    private final QueryGateway queries;
    private final Rooms rooms;

    InboxPushes(QueryGateway queries, Rooms rooms) {
        this.queries = queries;
        this.rooms = rooms;
    }

    void push(ChatPushes chat) {
        try {
            ChatView staffView = chat(chat, STAFF_VIEWER);
            if (chat.started) rooms.send(Wire.AGENTS_ROOM, Wire.NEW_CHAT, staffView);
            if (!chat.inboxChanged) return;
            CustomerView customer = staffView.customer();
            boolean guest = Role.GUEST.wire().equals(customer.type());
            Actor customerViewer = new Actor(customer.id(), guest ? Role.GUEST : Role.USER, customer.name());
            rooms.send(Wire.personalRoom(customer.id(), guest), Wire.INBOX_UPDATE,
                    update(chat(chat, customerViewer)));
            Wire.InboxUpdate staffUpdate = update(staffView);
            AgentRef holder = staffView.assignedAgent();
            if (holder == null || chat.wasUnassigned) {
                // Holders, former holders and admins are all in agents: one send reaches each of them once.
                rooms.send(Wire.AGENTS_ROOM, Wire.INBOX_UPDATE, staffUpdate);
                return;
            }
            rooms.send(Wire.personalRoom(holder.id(), false), Wire.INBOX_UPDATE, staffUpdate);
            for (String former : chat.formerAgents) {
                if (!former.equals(holder.id())) {
                    rooms.send(Wire.personalRoom(former, false), Wire.INBOX_UPDATE, staffUpdate);
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not push the inbox of chat {} at version {}", chat.chatId, chat.version, e);
        }
    }

    private ChatView chat(ChatPushes chat, Actor viewer) {
        return queries.query(new FetchChatQuery(chat.chatId, viewer, chat.version), ChatView.class).join();
    }

    private static Wire.InboxUpdate update(ChatView view) {
        return new Wire.InboxUpdate(view.id(), view.ticketNumber(), view.status(), view.assignedAgent(),
                view.lastMessage(), view.unreadCount());
    }
}
