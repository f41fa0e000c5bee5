package io.parley.realtime.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.realtime.dispatch.Reply;
import io.parley.shared.query.MessageView;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The one owner of socket send acknowledgements. A send registers its reply before its command runs; when the
 * command commits, the push dispatcher claims the reply on the committing thread and answers it in the chat's
 * lane from the stored event, just before the {@code newMessage} push, so no socket sees the message before its
 * sender knows it is stored. A reply nobody claimed (the command failed, or a retry found the original) is
 * settled by the sender itself. Every stored message's ack is timed from the event's arrival
 * ({@code parley.send.ack}, {@code transport=socket}).
 */
@Component
public class PendingAcks {
    /** The send → ack latency, shared by name with the REST send's ({@code transport=rest}). */
    public static final String ACK_TIMER = "parley.send.ack";

    private final ConcurrentMap<String, Reply> pending = new ConcurrentHashMap<>();
    private final Timer acked;

    PendingAcks(MeterRegistry registry) {
        this.acked = Timer.builder(ACK_TIMER)
                .description("from a send's arrival to its sender's acknowledgement with the stored message")
                .tag("transport", "socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Called before the send command is dispatched. */
    public void expect(String messageId, Reply reply) {
        pending.put(messageId, reply);
    }

    /**
     * Called once the command returned or failed: the reply if the commit did not claim it, which the caller
     * then answers itself; null if the chat's lane answers it.
     */
    public Reply unclaimed(String messageId) {
        return pending.remove(messageId);
    }

    /** Answers a send with its stored message and times it. */
    public void acknowledge(Reply reply, MessageView message) {
        reply.ok(message);
        acked.record(System.nanoTime() - reply.receivedNanos(), TimeUnit.NANOSECONDS);
    }

    /** Takes the reply of a stored message, on the committing thread. */
    Reply claim(String messageId) {
        return pending.remove(messageId);
    }
}
