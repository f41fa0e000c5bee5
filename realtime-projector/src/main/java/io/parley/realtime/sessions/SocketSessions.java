package io.parley.realtime.sessions;

import com.corundumstudio.socketio.SocketIOClient;
import io.parley.realtime.auth.SocketIdentity;
import io.parley.realtime.broadcast.Exclude;
import io.parley.realtime.broadcast.Rooms;
import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.cluster.Cluster;
import io.parley.realtime.presence.ClusterPresence;
import io.parley.realtime.presence.PresenceBook;
import io.parley.realtime.presence.Typing;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated sockets of this node. A socket exists here only once its token is verified: before that it
 * is in no room of ours and every event it sends is refused. Also keeps presence, counted per person.
 */
@Component
public class SocketSessions {
    static final Duration AUTH_GRACE = Duration.ofSeconds(10);
    static final Duration REFUSED_GRACE = Duration.ofSeconds(1);
    static final Duration LOGOUT_GRACE = Duration.ofMillis(300);

    private final SessionRegistry sessions;
    private final PresenceBook presence = new PresenceBook();
    private final Rooms rooms;
    private final Timers timers;
    private final Cluster cluster;
    private final ClusterPresence everywhere;
    private final Typing typing;

    SocketSessions(SessionRegistry sessions, Rooms rooms, Timers timers, Cluster cluster,
                   ClusterPresence everywhere, Typing typing) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.timers = timers;
        this.cluster = cluster;
        this.everywhere = everywhere;
        this.typing = typing;
    }

    public Optional<SocketSession> of(SocketIOClient client) {
        return sessions.of(client);
    }

    public boolean isOpen(SocketIOClient client) {
        return sessions.isOpen(client);
    }

    /** A socket that never authenticates (no CONNECT packet at all) is dropped after a grace period. */
    public void awaitAuthentication(SocketIOClient client) {
        timers.after(AUTH_GRACE, () -> dropIfAnonymous(client));
    }

    /** The connect_error has been queued; the socket goes once the client had time to read it. */
    public void refused(SocketIOClient client) {
        timers.after(REFUSED_GRACE, () -> dropIfAnonymous(client));
    }

    private void dropIfAnonymous(SocketIOClient client) {
        if (!isOpen(client)) client.disconnect();
    }

    /** Registers a socket whose token was just verified and puts it into its rooms. */
    public SocketSession open(SocketIOClient client, SocketIdentity identity) {
        SocketSession session = new SocketSession(client, identity);
        sessions.add(session);
        Actor actor = identity.actor();
        Set<String> personal = new HashSet<>();
        personal.add(Wire.personalRoom(actor.id(), actor.role() == Role.GUEST));
        if (actor.isStaff()) personal.add(Wire.AGENTS_ROOM);
        client.joinRooms(personal);
        if (identity.expiresAt() != null) {
            session.expireWith(timers.after(Duration.between(Instant.now(), identity.expiresAt()),
                    () -> expire(session)));
        }
        Instant now = now();
        if (presence.connected(actor, now)) {
            // Checked before recording ours: two nodes connecting the person at once both announce (harmless),
            // rather than neither.
            boolean elsewhere = everywhere.onlineElsewhere(actor.id());
            everywhere.recordSockets(actor, 1, now);
            if (!elsewhere) announce(actor.id(), Set.of());
        } else {
            everywhere.recordSockets(actor, presence.sockets(actor.id()), now);
        }
        return session;
    }

    /** netty-socketio's disconnect: the socket has already left every room. */
    public void closed(SocketIOClient client) {
        SocketSession session = sessions.remove(client);
        if (session != null) end(session);
    }

    /** Sends {@code forceLogout} to the sockets of these tokens on every node, then disconnects them. */
    public void forceLogout(Collection<String> tokenIds, String reason) {
        Set<String> revoked = Set.copyOf(tokenIds);
        logoutHere(revoked, reason);
        cluster.publishLogout(revoked, reason);
    }

    /** Logs out this node's sockets of these tokens (revoked here or on another node). */
    public void logoutHere(Set<String> revoked, String reason) {
        for (SocketSession session : sessions.all()) {
            if (!revoked.contains(session.tokenId()) || !sessions.remove(session)) continue;
            SocketIOClient client = session.client();
            // From now on the socket gets nothing more and may do nothing more; the close follows the notice.
            client.leaveRooms(new HashSet<>(ourRooms(session)));
            end(session);
            client.sendEvent(Wire.FORCE_LOGOUT, new Wire.ForceLogout(reason));
            timers.after(LOGOUT_GRACE, client::disconnect);
        }
    }

    private void expire(SocketSession session) {
        if (sessions.remove(session)) {
            end(session);
            session.client().disconnect();
        }
    }

    private void end(SocketSession session) {
        session.cancelExpiry();
        typing.socketClosed(session);
        for (String chatId : session.chats()) leftChatIfLast(session, chatId);
        Instant now = now();
        if (presence.disconnected(session.actor(), now)) {
            everywhere.recordSockets(session.actor(), 0, now);
            if (!everywhere.onlineElsewhere(session.personId())) announce(session.personId(), session.chats());
        } else {
            everywhere.recordSockets(session.actor(), presence.sockets(session.personId()), now);
        }
    }

    private void leftChatIfLast(SocketSession session, String chatId) {
        boolean another = sessions.all().stream().anyMatch(s -> s != session
                && s.personId().equals(session.personId()) && s.inChat(chatId));
        if (!another) everywhere.leftChat(chatId, session.personId());
    }

    /**
     * Writes this node's presence into Redis again, person by person and chat by chat: what it recorded while
     * Redis was down was lost ({@link Resync}).
     */
    void recordPresenceAgain() {
        Instant now = now();
        Set<String> recorded = new HashSet<>();
        for (SocketSession session : sessions.all()) {
            if (recorded.add(session.personId())) {
                everywhere.recordSockets(session.actor(), presence.sockets(session.personId()), now);
            }
            for (String chatId : session.chats()) everywhere.enteredChat(chatId, session.personId());
        }
    }

    /** Puts the socket into the chat's room; the person's presence reaches the room the first time they enter. */
    public void joinChat(SocketSession session, String chatId, long caughtUpToSeq) {
        boolean first = sessions.all().stream()
                .noneMatch(s -> s.personId().equals(session.personId()) && s.inChat(chatId))
                && !everywhere.inChatElsewhere(chatId).contains(session.personId());
        session.client().joinRoom(Wire.chatRoom(chatId));
        session.joined(chatId, caughtUpToSeq);
        everywhere.enteredChat(chatId, session.personId());
        if (first) {
            Wire.Presence now = presenceOf(session.personId());
            if (now != null) rooms.send(Wire.chatRoom(chatId), Wire.PRESENCE,
                    Exclude.personOrStaff(session.personId()), now);
        }
    }

    public void leaveChat(SocketSession session, String chatId) {
        session.client().leaveRoom(Wire.chatRoom(chatId));
        if (session.inChat(chatId)) leftChatIfLast(session, chatId);
        session.left(chatId);
    }

    /** Whether the person has an authenticated socket here or on another live node (through Redis). */
    public boolean connectedAnywhere(String personId) {
        return presence.sockets(personId) > 0 || everywhere.onlineElsewhere(personId);
    }

    /** The presence of the other people whose sockets (on any live node) are in the chat. */
    public List<Wire.Presence> presentIn(String chatId, String exceptPersonId) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (SocketSession s : sessions.all()) {
            if (s.inChat(chatId) && !s.personId().equals(exceptPersonId)) ids.add(s.personId());
        }
        for (String id : everywhere.inChatElsewhere(chatId)) if (!id.equals(exceptPersonId)) ids.add(id);
        Map<String, Wire.Presence> people = new LinkedHashMap<>();
        for (String id : ids) {
            Wire.Presence p = presenceOf(id);
            if (p != null) people.put(id, p);
        }
        return List.copyOf(people.values());
    }

    /** The person's presence: over all nodes when clustered, else this node's. */
    private Wire.Presence presenceOf(String personId) {
        Wire.Presence local = presence.of(personId);
        if (!everywhere.shared()) return local;
        Wire.Presence shared = everywhere.presence(personId);
        if (shared == null) return local;
        if (local != null && local.online() && !shared.online()) {
            return new Wire.Presence(personId, local.role(), true, local.lastSeen());
        }
        return shared;
    }

    /** The person's presence as this node has it, announced. */
    private void announce(String personId, Set<String> chats) {
        Wire.Presence update = presence.of(personId);
        if (update != null) announce(update, chats);
    }

    /** The people of a node that died, as one surviving node tells everyone: offline, like a last disconnect. */
    @EventListener
    void announceDeparted(ClusterPresence.Departed departed) {
        if (presence.sockets(departed.personId()) > 0) return;
        announce(new Wire.Presence(departed.personId(), departed.role(), false, departed.lastSeen()),
                departed.chats());
    }

    /** Presence goes to {@code agents} and to the rooms of the chats the person is in, never to themselves. */
    private void announce(Wire.Presence update, Set<String> chats) {
        rooms.send(Wire.AGENTS_ROOM, Wire.PRESENCE, Exclude.person(update.userId()), update);
        for (String chatId : chats) {
            rooms.send(Wire.chatRoom(chatId), Wire.PRESENCE, Exclude.personOrStaff(update.userId()), update);
        }
    }

    private static Set<String> ourRooms(SocketSession session) {
        Set<String> rooms = new HashSet<>();
        session.chats().forEach(chatId -> rooms.add(Wire.chatRoom(chatId)));
        rooms.add(Wire.personalRoom(session.personId(), session.actor().role() == Role.GUEST));
        rooms.add(Wire.AGENTS_ROOM);
        return rooms;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
