package io.parley.realtime.presence;

import io.parley.realtime.broadcast.Exclude;
import io.parley.realtime.broadcast.Rooms;
import io.parley.realtime.broadcast.Wire;
import io.parley.realtime.config.RealtimeProperties;
import io.parley.realtime.sessions.SocketSession;
import io.parley.realtime.sessions.Timers;
import io.parley.shared.Actor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * Who is typing where: transient, never an event. An indicator lasts {@code chat.typing-timeout} (5 s) after
 * its last refresh; when it ends (false, timeout, leaving the chat or disconnecting) the room hears
 * {@code isTyping: false} from the server. Only changes are broadcast, not every refresh.
 */
@Component
public class Typing {
    private final Rooms rooms;
    private final Timers timers;
    private final Duration timeout;
    private final Map<Key, Entry> typing = new HashMap<>();

    Typing(Rooms rooms, Timers timers, RealtimeProperties properties) {
        this.rooms = rooms;
        this.timers = timers;
        this.timeout = properties.typingTimeout();
    }

    public synchronized void update(SocketSession session, String chatId, boolean isTyping) {
        Key key = new Key(chatId, session.personId());
        Entry current = typing.get(key);
        if (isTyping) {
            if (current != null) current.expiry.cancel(false);
            Entry entry = new Entry(session.id(), session.actor());
            entry.expiry = timers.after(timeout, () -> expire(key, entry));
            typing.put(key, entry);
            if (current == null) announce(chatId, session.actor(), true);
        } else if (current != null) {
            end(key, current);
        }
    }

    /** The socket left the chat: an indicator it started ends. */
    public synchronized void leftChat(SocketSession session, String chatId) {
        Key key = new Key(chatId, session.personId());
        Entry current = typing.get(key);
        if (current != null && current.socketId.equals(session.id())) end(key, current);
    }

    private synchronized void expire(Key key, Entry entry) {
        if (typing.get(key) == entry) end(key, entry);
    }

    /** The socket closed or was logged out: the indicators it started end. */
    public synchronized void socketClosed(SocketSession session) {
        for (Iterator<Map.Entry<Key, Entry>> it = typing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Entry> found = it.next();
            if (found.getValue().socketId.equals(session.id())) {
                it.remove();
                found.getValue().expiry.cancel(false);
                announce(found.getKey().chatId(), found.getValue().actor, false);
            }
        }
    }

    private void end(Key key, Entry entry) {
        typing.remove(key);
        entry.expiry.cancel(false);
        announce(key.chatId(), entry.actor, false);
    }

    private void announce(String chatId, Actor typist, boolean isTyping) {
        rooms.send(Wire.chatRoom(chatId), Wire.USER_TYPING, Exclude.person(typist.id()),
                new Wire.UserTyping(chatId, typist.id(), typist.name(), typist.role().wire(), isTyping));
    }

    private record Key(String chatId, String personId) {
    }

    private static final class Entry {
        final UUID socketId;
        final Actor actor;
        ScheduledFuture<?> expiry;

        Entry(UUID socketId, Actor actor) {
            this.socketId = socketId;
            this.actor = actor;
        }
    }
}
