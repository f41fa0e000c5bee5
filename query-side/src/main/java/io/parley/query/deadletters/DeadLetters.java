package io.parley.query.deadletters;

import io.parley.query.config.QuerySideConfig;
import io.parley.shared.error.ChatRejectedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** The read models' dead letters: how many, which, and processing them again (e.g. after a fix is deployed). */
@Service
public class DeadLetters {
    /** A list is for people; a queue longer than this is a count and a metric, not a page to read. */
    private static final int MAX_LISTED = 1000;

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Events parked by the read models' processor. */
    public long count() {
        return processing.deadLetterQueue(QuerySideConfig.READ_MODELS).map(SequencedDeadLetterQueue::size)
                .orElse(0L);
    }

    public List<DeadLetterView> list() {
        List<DeadLetterView> views = new ArrayList<>();
        String group = QuerySideConfig.READ_MODELS;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (views.size() >= MAX_LISTED) return views;
                views.add(view(group, letter));
            }
        }
        return views;
    }

    /**
     * Processes each chat's dead letters once, oldest first; a sequence that fails again stays, at the back. The
     * group is the read models' processor; a read model's own name stands for it too.
     */
    public RetryResult retry(String name) {
        String group = QuerySideConfig.PROJECTIONS.contains(name) ? QuerySideConfig.READ_MODELS : name;
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> ChatRejectedException.notFound("projection"));
        int sequences = (int) Math.min(Integer.MAX_VALUE, queue.amountOfSequences());
        int processed = 0;
        for (int i = 0; i < sequences; i++) {
            if (processor.processAny()) processed++;
        }
        return new RetryResult(group, sequences, processed, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!QuerySideConfig.READ_MODELS.equals(group)) throw ChatRejectedException.notFound("projection");
        return processing.deadLetterQueue(group).orElseThrow(() -> ChatRejectedException.notFound("projection"));
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String chatId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Long position = null;
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent()) {
            position = tracked.trackingToken().position().getAsLong();
        }
        Cause cause = letter.cause().orElse(null);
        return new DeadLetterView(group, chatId, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                sequenceNumber, position, cause == null ? null : cause.type(), cause == null ? null : cause.message(),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
