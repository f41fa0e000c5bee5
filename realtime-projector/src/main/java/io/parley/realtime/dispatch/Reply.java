package io.parley.realtime.dispatch;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.netflix.concurrency.limits.Limiter;
import io.parley.realtime.broadcast.Wire;
import io.parley.shared.ApiError;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one answer to a client → server event: the envelope through the acknowledgement callback, or, when the
 * client gave none, a {@code chatError} event for a failure (a success without a callback needs no answer).
 */
public final class Reply {
    private static final Logger log = LoggerFactory.getLogger(Reply.class);

    private final SocketIOClient client;
    private final AckRequest ack;
    private final String event;
    private final AtomicBoolean answered = new AtomicBoolean();
    /** The place the event holds among the sends in flight ({@link SendsInFlight}), given back with the answer. */
    private volatile Limiter.Listener inFlight;
    /** When the event arrived (on the network thread): the start of its ack latency. */
    private final long receivedNanos = System.nanoTime();

    Reply(SocketIOClient client, AckRequest ack, String event) {
        this.client = client;
        this.ack = ack;
        this.event = event;
    }

    /** The event holds a place among the sends in flight until it is answered. */
    void holds(Limiter.Listener place) {
        this.inFlight = place;
    }

    /** {@link System#nanoTime()} when the client's event arrived. */
    public long receivedNanos() {
        return receivedNanos;
    }

    public void ok(Object data) {
        if (!answered.compareAndSet(false, true)) return;
        Limiter.Listener place = inFlight;
        if (place != null) place.onSuccess();
        try {
            if (ack != null && ack.isAckRequested()) ack.sendAckData(ApiResponse.ok(data));
        } catch (RuntimeException e) {
            log.debug("could not acknowledge {}", event, e);
        }
    }

    public void fail(Throwable failure) {
        fail(Failures.of(failure));
    }

    public void fail(ApiError error) {
        if (!answered.compareAndSet(false, true)) return;
        Limiter.Listener place = inFlight;
        if (place != null) {
            // A failure of the server's own is a sign of overload; a refusal of the input says nothing about it.
            if (ErrorCode.INTERNAL.name().equals(error.code())) place.onDropped();
            else place.onIgnore();
        }
        try {
            if (ack != null && ack.isAckRequested()) {
                ack.sendAckData(ApiResponse.fail(error));
            } else {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("success", false);
                payload.put("error", error);
                payload.put("event", event);
                client.sendEvent(Wire.CHAT_ERROR, payload);
            }
        } catch (RuntimeException e) {
            log.debug("could not report the failure of {}", event, e);
        }
    }
}
