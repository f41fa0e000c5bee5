package io.parley.realtime.dispatch;

import io.parley.shared.ApiError;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/** Turns whatever a socket event ran into into the error of the envelope: the rule's code, never a stack trace. */
public final class Failures {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    public static ApiError of(Throwable failure) {
        InvalidPayloadException invalid = find(failure, InvalidPayloadException.class);
        if (invalid != null) {
            return ApiError.of(ErrorCode.VALIDATION_FAILED, "Invalid payload", invalid.problems());
        }
        ChatRejectedException rejected = find(failure, ChatRejectedException.class);
        if (rejected != null) {
            return ApiError.of(rejected.code(), rejected.getMessage(),
                    rejected.details());
        }
        if (find(failure, AggregateNotFoundException.class) != null) {
            // A chat id that names no chat answers like one the caller may not see.
            return ApiError.of(ErrorCode.NOT_FOUND, "chat not found");
        }
        String incident = UUID.randomUUID().toString();
        log.error("socket event failed unexpectedly, incident {}", incident, failure);
        return ApiError.of(ErrorCode.INTERNAL, "Internal error; quote the incident id when reporting it",
                Map.of("incidentId", incident));
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
