package io.parley.realtime.gateway;

import com.corundumstudio.socketio.SocketIOClient;
import io.parley.realtime.auth.SocketIdentity;
import io.parley.shared.Actor;
import io.parley.shared.Role;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The authenticated sockets of this node. A socket exists here only once its token is verified: before that it
 * is in no room of ours and every event it sends is refused. Also keeps presence, counted per person.
 */
@Component
public class SocketSessions {
    static final Duration AUTH_GRACE = Duration.ofSeconds(10);
    static final Duration REFUSED_GRACE = Duration.ofSeconds(1);
    static final Duration LOGOUT_GRACE = Duration.ofMillis(300);

    private final ConcurrentMap<UUID, SocketSession> sessions = new ConcurrentHashMap<>();
    private final PresenceBook presence = new PresenceBook();
    private final List<Consumer<SocketSession>> closeListeners = new CopyOnWriteArrayList<>();
    private final Rooms rooms;
    private final Timers timers;

    SocketSessions(Rooms rooms, Timers timers) {
        this.rooms = rooms;
        this.timers = timers;
    }

    public Optional<SocketSession> of(SocketIOClient client) {
        return client == null ? Optional.empty() : Optional.ofNullable(sessions.get(client.getSessionId()));
    }

    public boolean isOpen(SocketIOClient client) {
        return sessions.containsKey(client.getSessionId());
    }

    /** Lets a component clean up after a socket that closed or was logged out. */
    public void onClose(Consumer<SocketSession> listener) {
        closeListeners.add(listener);
    }

    /** A socket that never authenticates (no CONNECT packet at all) is dropped after a grace period. */
    void awaitAuthentication(SocketIOClient client) {
        timers.after(AUTH_GRACE, () -> dropIfAnonymous(client));
    }

    /** The connect_error has been queued; the socket goes once the client had time to read it. */
    void refused(SocketIOClient client) {
        timers.after(REFUSED_GRACE, () -> dropIfAnonymous(client));
    }

    private void dropIfAnonymous(SocketIOClient client) {
        if (!isOpen(client)) client.disconnect();
    }

    /** Registers a socket whose token was just verified and puts it into its rooms. */
    SocketSession open(SocketIOClient client, SocketIdentity identity) {
        SocketSession session = new SocketSession(client, identity);
        sessions.put(session.id(), session);
        Actor actor = identity.actor();
        Set<String> personal = new HashSet<>();
        personal.add(Wire.personalRoom(actor.id(), actor.role() == Role.GUEST));
        if (actor.isStaff()) personal.add(Wire.AGENTS_ROOM);
        client.joinRooms(personal);
        if (identity.expiresAt() != null) {
            session.expireWith(timers.after(Duration.between(Instant.now(), identity.expiresAt()),
                    () -> expire(session)));
        }
        if (presence.connected(actor, now())) announce(actor.id(), Set.of());
        return session;
    }

    /** netty-socketio's disconnect: the socket has already left every room. */
    void closed(SocketIOClient client) {
        SocketSession session = sessions.remove(client.getSessionId());
        if (session != null) end(session);
    }

    /** Sends {@code forceLogout} to the sockets of these tokens, then disconnects them. */
    public void forceLogout(Collection<String> tokenIds, String reason) {
        Set<String> revoked = Set.copyOf(tokenIds);
        for (SocketSession session : sessions.values()) {
            if (!revoked.contains(session.tokenId()) || !sessions.remove(session.id(), session)) continue;
            SocketIOClient client = session.client();
            // From now on the socket gets nothing more and may do nothing more; the close follows the notice.
            client.leaveRooms(new HashSet<>(ourRooms(session)));
            end(session);
            client.sendEvent(Wire.FORCE_LOGOUT, new Wire.ForceLogout(reason));
            timers.after(LOGOUT_GRACE, client::disconnect);
        }
    }

    private void expire(SocketSession session) {
        if (sessions.remove(session.id(), session)) {
            end(session);
            session.client().disconnect();
        }
    }

    private void end(SocketSession session) {
        session.cancelExpiry();
        closeListeners.forEach(listener -> listener.accept(session));
        if (presence.disconnected(session.actor(), now())) announce(session.personId(), session.chats());
    }

    /** Puts the socket into the chat's room; the person's presence reaches the room the first time they enter. */
    public void joinChat(SocketSession session, String chatId, long caughtUpToSeq) {
        boolean first = sessions.values().stream()
                .noneMatch(s -> s.personId().equals(session.personId()) && s.inChat(chatId));
        session.client().joinRoom(Wire.chatRoom(chatId));
        session.joined(chatId, caughtUpToSeq);
        if (first) {
            Wire.Presence now = presence.of(session.personId());
            if (now != null) rooms.send(Wire.chatRoom(chatId), Wire.PRESENCE, samePerson(session.personId())
                    .or(staffSockets()), now);
        }
    }

    public void leaveChat(SocketSession session, String chatId) {
        session.client().leaveRoom(Wire.chatRoom(chatId));
        session.left(chatId);
    }

    /** The presence of the other people whose sockets on this node are in the chat. */
    public List<Wire.Presence> presentIn(String chatId, String exceptPersonId) {
        Map<String, Wire.Presence> people = new LinkedHashMap<>();
        for (SocketSession s : sessions.values()) {
            if (s.inChat(chatId) && !s.personId().equals(exceptPersonId)) {
                people.computeIfAbsent(s.personId(), presence::of);
            }
        }
        people.values().removeIf(p -> p == null);
        return List.copyOf(people.values());
    }

    /** Matches the sockets of one person, e.g. to spare a typist their own indicator. */
    public Predicate<SocketIOClient> samePerson(String personId) {
        return client -> of(client).map(s -> s.personId().equals(personId)).orElse(false);
    }

    /** Matches agents' and admins' sockets: they get chat-wide events once, through {@code agents}. */
    public Predicate<SocketIOClient> staffSockets() {
        return client -> of(client).map(SocketSession::isStaff).orElse(false);
    }

    /** Presence goes to {@code agents} and to the rooms of the chats the person is in, never to themselves. */
    private void announce(String personId, Set<String> chats) {
        Wire.Presence update = presence.of(personId);
        if (update == null) return;
        rooms.send(Wire.AGENTS_ROOM, Wire.PRESENCE, samePerson(personId), update);
        for (String chatId : chats) {
            rooms.send(Wire.chatRoom(chatId), Wire.PRESENCE, samePerson(personId).or(staffSockets()), update);
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
