package io.parley.realtime.push;

import io.parley.realtime.gateway.Rooms;
import io.parley.realtime.gateway.Wire;
import io.parley.realtime.push.PushBatch.ChatPushes;
import io.parley.shared.Role;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.ChatSidesView;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.CustomerView;
import io.parley.shared.query.FetchChatSidesQuery;
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

    private final QueryGateway queries;
    private final Rooms rooms;

    InboxPushes(QueryGateway queries, Rooms rooms) {
        this.queries = queries;
        this.rooms = rooms;
    }

    void push(ChatPushes chat) {
        try {
            ChatSidesView sides = queries.query(new FetchChatSidesQuery(chat.chatId, chat.version),
                    ChatSidesView.class).join();
            ChatView staffView = sides.staff();
            if (chat.started) rooms.send(Wire.AGENTS_ROOM, Wire.NEW_CHAT, staffView);
            if (!chat.inboxChanged) return;
            CustomerView customer = staffView.customer();
            boolean guest = Role.GUEST.wire().equals(customer.type());
            rooms.send(Wire.personalRoom(customer.id(), guest), Wire.INBOX_UPDATE, update(sides.customer()));
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

    private static Wire.InboxUpdate update(ChatView view) {
        return new Wire.InboxUpdate(view.id(), view.ticketNumber(), view.status(), view.assignedAgent(),
                view.lastMessage(), view.unreadCount());
    }
}
