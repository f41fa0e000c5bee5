package io.parley.realtime.gateway;

import io.parley.shared.query.MessageView;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the push of a message sent over a socket until the sender's acknowledgement is out, so no socket
 * (the sender's own included) sees {@code newMessage} before the sender knows the message is stored. A push
 * never waits longer than {@link #MAX_HOLD}: a lost release delays it, never drops it. It also carries the view
 * of a held message from the projector, which builds it from the event in the storing transaction, to the
 * acknowledgement, so the ack waits for the commit only and not for a read model (on another node, a poll).
 */
@Component
public class AckGate {
    static final Duration MAX_HOLD = Duration.ofSeconds(15);
    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

    private final ConcurrentMap<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MessageView> stored = new ConcurrentHashMap<>();

    /** Called before the send command is dispatched. */
    public void hold(String messageId) {
        held.put(messageId, new CompletableFuture<Void>().completeOnTimeout(null, MAX_HOLD.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** The message as its event stored it, when a socket send holds it; ignored otherwise. */
    public void stored(MessageView message) {
        if (held.containsKey(message.id())) stored.put(message.id(), message);
    }

    /** The stored view of a held message once its command returned, or null (a retry found the original). */
    public MessageView takeStored(String messageId) {
        return stored.remove(messageId);
    }

    /** Called once the sender's acknowledgement (success or error) has been sent. */
    public void release(String messageId) {
        stored.remove(messageId);
        CompletableFuture<Void> gate = held.remove(messageId);
        if (gate != null) gate.complete(null);
    }

    /** Completes when none of these messages is held any more. */
    public CompletableFuture<Void> released(Collection<String> messageIds) {
        CompletableFuture<?>[] gates = messageIds.stream().map(held::get).filter(g -> g != null)
                .toArray(CompletableFuture[]::new);
        return gates.length == 0 ? OPEN : CompletableFuture.allOf(gates);
    }
}
