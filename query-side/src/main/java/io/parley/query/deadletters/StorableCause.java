package io.parley.query.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Dead-letters every failed event, with the innermost cause (the database's own words, not the framework's
 * wrapping) as the reason. The reason must itself be storable: a driver's message may quote the very value that
 * failed, NUL included, and a dead letter that cannot be written would stall the segment all over again.
 */
class StorableCause implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? "" : root.getMessage();
        StringBuilder clean = new StringBuilder(Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        message.codePoints()
                .filter(c -> c != 0 && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE))
                .forEach(clean::appendCodePoint);
        if (clean.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            clean.setLength(ThrowableCause.TRUNCATED_MESSAGE_SIZE);
            if (Character.isHighSurrogate(clean.charAt(clean.length() - 1))) clean.setLength(clean.length() - 1);
        }
        return Decisions.enqueue(new ThrowableCause(root.getClass().getName(), clean.toString()));
    }
}
