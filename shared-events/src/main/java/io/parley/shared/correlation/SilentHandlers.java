package io.parley.shared.correlation;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;

/**
 * Correlation data is what the messages a handler sends inherit from the message it handles (who acted, which
 * command caused it). Axon computes it for every event any processor applies, because it wraps each handler's
 * result in a message, and to do so it deserialises the event's metadata and copies it into new maps: a sixth of
 * the read models' CPU in a replay, for handlers that send nothing. Processors whose handlers send no message
 * register {@link #interceptor()}; the providers, wrapped with {@link #skip}, answer nothing in their units of work.
 */
public final class SilentHandlers {
    private static final String MARK = SilentHandlers.class.getName();

    private SilentHandlers() {
    }

    /** Marks the unit of work of every event this processor handles as one whose handlers send nothing. */
    public static MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            unitOfWork.resources().putIfAbsent(MARK, Boolean.TRUE);
            return chain.proceed();
        };
    }

    /** The provider, except that it adds nothing while a silent handler runs. */
    public static CorrelationDataProvider skip(CorrelationDataProvider provider) {
        return message -> silent() ? Map.of() : provider.correlationDataFor(message);
    }

    private static boolean silent() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(MARK);
    }
}
