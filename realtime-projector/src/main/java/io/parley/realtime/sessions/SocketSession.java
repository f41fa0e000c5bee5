package io.parley.realtime.sessions;

import com.corundumstudio.socketio.SocketIOClient;
import io.parley.realtime.auth.SocketIdentity;
import io.parley.shared.Actor;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;

/** An authenticated socket: who it is, which token it used, and which chats it has joined. */
public final class SocketSession {
    private final SocketIOClient client;
    private final SocketIdentity identity;
    private final Set<String> chats = ConcurrentHashMap.newKeySet();
    // Per chat, the last seq its joinChat acknowledgement already carried: live copies of those are skipped.
    private final ConcurrentMap<String, Long> caughtUp = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> expiry;

    SocketSession(SocketIOClient client, SocketIdentity identity) {
        this.client = client;
        this.identity = identity;
    }

    public UUID id() {
        return client.getSessionId();
    }

    public SocketIOClient client() {
        return client;
    }

    public Actor actor() {
        return identity.actor();
    }

    public String personId() {
        return identity.actor().id();
    }

    public boolean isStaff() {
        return identity.actor().isStaff();
    }

    String tokenId() {
        return identity.tokenId();
    }

    SocketIdentity identity() {
        return identity;
    }

    public boolean inChat(String chatId) {
        return chats.contains(chatId);
    }

    public Set<String> chats() {
        return Set.copyOf(chats);
    }

    /** True when this socket's joinChat acknowledgement already carried the message {@code seq} of the chat. */
    public boolean hasSeen(String chatId, long seq) {
        return caughtUp.getOrDefault(chatId, 0L) >= seq;
    }

    void joined(String chatId, long caughtUpToSeq) {
        chats.add(chatId);
        caughtUp.put(chatId, caughtUpToSeq);
    }

    void left(String chatId) {
        chats.remove(chatId);
        caughtUp.remove(chatId);
    }

    void expireWith(ScheduledFuture<?> timer) {
        this.expiry = timer;
    }

    void cancelExpiry() {
        ScheduledFuture<?> timer = expiry;
        if (timer != null) timer.cancel(false);
    }
}
