package io.parley.realtime.dispatch;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.realtime.broadcast.KeyedSequencer;
import io.parley.realtime.config.RealtimeProperties;
import io.parley.realtime.sessions.SocketSession;
import io.parley.realtime.sessions.SocketSessions;
import io.parley.shared.ApiError;
import io.parley.shared.Role;
import io.parley.shared.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Hands every client → server event to its {@link SocketEvent} off the network threads (commands and queries
 * block), one event of a socket after the other so a client's sends keep their order, within the bounds of the
 * {@link Backlog}: an event over them is refused at once, one that waited too long is refused when its turn
 * comes, and a send finds no place among the sends in flight ({@link SendsInFlight}) is refused too, so an
 * overloaded node answers instead of piling work up. A socket that is not
 * authenticated gets no event at all, not even {@code chatError}: only an acknowledgement it asked for, refusing
 * with AUTH_REQUIRED. At shutdown it is the first to stop: see {@link #drain()}.
 */
@Component
public class EventDispatch {
    /** Longer than a command's retries (about 2.5 s) take. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final ExecutorService pool = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "socket-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final KeyedSequencer perSocket = new KeyedSequencer(pool);
    private final SocketSessions sessions;
    private final List<SocketEvent> events;
    private final Backlog backlog;
    private final SendsInFlight inFlight;
    private volatile boolean closing;

    EventDispatch(SocketSessions sessions, List<SocketEvent> events, RealtimeProperties properties,
                  MeterRegistry registry) {
        this.sessions = sessions;
        this.events = events;
        this.backlog = new Backlog(properties.socketQueuePerSocket(), properties.socketQueuePerNode(),
                properties.socketQueueDeadline(), registry);
        this.inFlight = new SendsInFlight(registry);
    }

    public void register(SocketIONamespace namespace) {
        for (SocketEvent event : events) {
            namespace.addEventListener(event.name(), Object.class,
                    (client, data, ack) -> dispatch(event, client, data, ack));
        }
    }

    private void dispatch(SocketEvent event, SocketIOClient client, Object data, AckRequest ack) {
        // Unanswered: the socket closes with the server, and the client resends after reconnecting (a send's
        // clientMessageId makes that safe).
        if (closing) return;
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
        Backlog.Ticket ticket = backlog.admit(session.id());
        if (ticket == null) {
            reply.fail(Backlog.busy());
            return;
        }
        perSocket.run(session.id(), () -> {
            try {
                if (event.refusedWhenLate() && ticket.expired()) {
                    reply.fail(Backlog.busy());
                } else if (event.boundedInFlight()) {
                    var place = inFlight.acquire();
                    if (place.isEmpty()) {
                        reply.fail(Backlog.busy());
                    } else {
                        reply.holds(place.get());
                        event.handle(session, data, reply);
                    }
                } else {
                    event.handle(session, data, reply);
                }
            } catch (Throwable failure) {
                reply.fail(failure);
            } finally {
                ticket.done();
            }
        });
    }

    /**
     * At shutdown, before the web server's graceful stop and Axon's lifecycle: takes no more events and lets
     * those taken be answered, so none dispatches a command once Axon has unsubscribed its handlers. The sockets
     * stay open meanwhile (the server stops last), so the answers reach them.
     */
    @EventListener(ContextClosedEvent.class)
    void drain() {
        closing = true;
        pool.shutdown();
        try {
            pool.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
