package io.parley.realtime.sessions;

import com.corundumstudio.socketio.SocketIOClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The authenticated sockets of this node, by socket id: the one place that says which socket is whom.
 * {@link SocketSessions} adds and removes them; broadcasts look them up to apply their exclusions. Their number
 * is {@code parley.sockets.connected}, bound by the meter registry once this registry exists.
 */
@Component
public class SessionRegistry implements MeterBinder {
    private final ConcurrentMap<UUID, SocketSession> sessions = new ConcurrentHashMap<>();

    public Optional<SocketSession> of(SocketIOClient client) {
        return client == null ? Optional.empty() : Optional.ofNullable(sessions.get(client.getSessionId()));
    }

    boolean isOpen(SocketIOClient client) {
        return sessions.containsKey(client.getSessionId());
    }

    void add(SocketSession session) {
        sessions.put(session.id(), session);
    }

    SocketSession remove(SocketIOClient client) {
        return sessions.remove(client.getSessionId());
    }

    /** Removes exactly this session; false if it was gone already (closed, expired or logged out meanwhile). */
    boolean remove(SocketSession session) {
        return sessions.remove(session.id(), session);
    }

    Collection<SocketSession> all() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("parley.sockets.connected", sessions, Map::size)
                .description("authenticated sockets connected to this node").register(registry);
    }
}
