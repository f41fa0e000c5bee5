package io.parley.dialects.core;

import io.parley.shared.ApiError;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/** Whatever a dialect call ran into, as a code and a client-safe message; each dialect then dresses it its way. */
public final class Failures {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    public static ApiError of(Throwable failure) {
        DialectException refused = find(failure, DialectException.class);
        if (refused != null) return ApiError.of(refused.code(), refused.getMessage());
        ChatRejectedException rejected = find(failure, ChatRejectedException.class);
        if (rejected != null) return ApiError.of(rejected.code(), rejected.getMessage(), rejected.details());
        if (find(failure, AggregateNotFoundException.class) != null) {
            // A chat id that names no chat answers like one the caller may not see.
            return ApiError.of(ErrorCode.NOT_FOUND, "chat not found");
        }
        String incident = UUID.randomUUID().toString();
        log.error("dialect call failed unexpectedly, incident {}", incident, failure);
        return ApiError.of(ErrorCode.INTERNAL, "Internal error; quote the incident id " + incident);
    }

    /** The HTTP status of an error's code. */
    public static int status(ApiError error) {
        try {
            return ErrorCode.valueOf(error.code()).httpStatus();
        } catch (IllegalArgumentException e) {
            return 500;
        }
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
