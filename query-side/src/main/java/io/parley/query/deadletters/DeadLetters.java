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

    /** Dead letters of one read model; 0 for a group without a queue. */
    public long count(String group) {
        return processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    public List<DeadLetterView> list() {
        List<DeadLetterView> views = new ArrayList<>();
        for (String group : QuerySideConfig.PROJECTIONS) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (views.size() >= MAX_LISTED) return views;
                    views.add(view(group, letter));
                }
            }
        }
        return views;
    }

    /** Processes each chat's dead letters once, oldest first; a sequence that fails again stays, at the back. */
    public RetryResult retry(String group) {
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
        if (!QuerySideConfig.PROJECTIONS.contains(group)) throw ChatRejectedException.notFound("projection");
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
