package io.parley.realtime.dispatch;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.parley.realtime.broadcast.KeyedSequencer;
import io.parley.realtime.sessions.SocketSession;
import io.parley.realtime.sessions.SocketSessions;
import io.parley.shared.ApiError;
import io.parley.shared.Role;
import io.parley.shared.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Hands every client → server event to its {@link SocketEvent} off the network threads (commands and queries
 * block), one event of a socket after the other so a client's sends keep their order. A socket that is not
 * authenticated gets no event at all, not even {@code chatError}: only an acknowledgement it asked for, refusing
 * with AUTH_REQUIRED.
 */
@Component
public class EventDispatch {
    private final ExecutorService pool = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "socket-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final KeyedSequencer perSocket = new KeyedSequencer(pool);
    private final SocketSessions sessions;
    private final List<SocketEvent> events;

    EventDispatch(SocketSessions sessions, List<SocketEvent> events) {
        this.sessions = sessions;
        this.events = events;
    }

    public void register(SocketIONamespace namespace) {
        for (SocketEvent event : events) {
            namespace.addEventListener(event.name(), Object.class,
                    (client, data, ack) -> dispatch(event, client, data, ack));
        }
    }

    private void dispatch(SocketEvent event, SocketIOClient client, Object data, AckRequest ack) {
        Reply reply = new Reply(client, ack, event.nameAsEmitted(data));
        SocketSession session = sessions.of(client).orElse(null);
        if (session == null) {
            if (ack.isAckRequested()) {
                reply.fail(ApiError.of(ErrorCode.AUTH_REQUIRED, "this socket is not authenticated"));
            }
            return;
        }
        if (session.actor().role() == Role.AUDITOR && !event.auditorsMay()) {
            reply.fail(ApiError.of(ErrorCode.FORBIDDEN, "auditors have read-only access through the audit API"));
            return;
        }
        perSocket.run(session.id(), () -> {
            try {
                event.handle(session, data, reply);
            } catch (Throwable failure) {
                reply.fail(failure);
            }
        });
    }

    /** Takes no more events and waits, up to {@code within}, for those taken to be answered. */
    public void drain(Duration within) {
        pool.shutdown();
        try {
            pool.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
