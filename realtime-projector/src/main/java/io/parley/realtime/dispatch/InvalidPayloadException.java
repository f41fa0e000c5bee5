package io.parley.realtime.dispatch;

import java.util.List;
import java.util.Map;

/** A client → server event whose payload is missing fields or has wrong ones; answered VALIDATION_FAILED. */
public class InvalidPayloadException extends RuntimeException {
    private final List<Map<String, String>> problems;

    public InvalidPayloadException(List<Map<String, String>> problems) {
        super("invalid payload");
        this.problems = List.copyOf(problems);
    }

    /** The {@code details} of the error: one {field, message} per problem, as REST lists them. */
    public List<Map<String, String>> problems() {
        return problems;
    }
}
