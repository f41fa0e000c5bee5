package io.parley.server.web;

import java.util.IdentityHashMap;
import java.util.Map;

/** Finds a cause of a given type in an exception chain, however deeply frameworks wrapped it. */
final class Causes {
    private Causes() {
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
