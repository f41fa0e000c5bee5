package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.InvalidPayloadException;
import io.parley.shared.StorableText;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and checks the fields of a client's event payload, collecting every problem before answering. */
final class Payload {
    static final int MAX_ID = 64;

    private final Map<?, ?> fields;
    private final List<Map<String, String>> problems = new ArrayList<>();

    private Payload(Map<?, ?> fields) {
        this.fields = fields;
    }

    /** The payload as an object; anything else (a bare string, a list, nothing) is refused outright. */
    static Payload of(Object data, String shape) {
        if (data instanceof Map<?, ?> map) return new Payload(map);
        throw new InvalidPayloadException(List.of(problem("payload", "must be an object " + shape)));
    }

    String requiredId(String field) {
        Object value = fields.get(field);
        if (unstorable(field, value)) return null;
        if (value instanceof String id && !id.isBlank() && id.length() <= MAX_ID) return id;
        problems.add(problem(field, value == null ? field + " is required"
                : field + " must be a non-empty string of at most " + MAX_ID + " characters"));
        return null;
    }

    String optionalText(String field, int maxLength) {
        Object value = fields.get(field);
        if (value == null || unstorable(field, value)) return null;
        if (value instanceof String text && text.length() <= maxLength) return text;
        problems.add(problem(field, field + " must be a string of at most " + maxLength + " characters"));
        return null;
    }

    Long optionalSeq(String field) {
        Object value = fields.get(field);
        if (value == null) return null;
        Long seq = wholeNumber(value);
        if (seq != null && seq >= 0) return seq;
        problems.add(problem(field, field + " must be a whole number, 0 or more"));
        return null;
    }

    Long requiredSeq(String field) {
        if (fields.get(field) == null) {
            problems.add(problem(field, field + " is required"));
            return null;
        }
        return optionalSeq(field);
    }

    Boolean requiredBoolean(String field) {
        Object value = fields.get(field);
        if (value instanceof Boolean flag) return flag;
        problems.add(problem(field, value == null ? field + " is required" : field + " must be true or false"));
        return null;
    }

    List<String> optionalIds(String field, int maxItems) {
        Object value = fields.get(field);
        if (value == null || unstorable(field, value)) return null;
        if (value instanceof List<?> list && list.size() <= maxItems && list.stream()
                .allMatch(item -> item instanceof String id && !id.isBlank() && id.length() <= MAX_ID)) {
            return list.stream().map(String.class::cast).toList();
        }
        problems.add(problem(field, field + " must be a list of at most " + maxItems + " ids"));
        return null;
    }

    /**
     * Every string a client sends is read through this class, so this is the socket's one check that text can be
     * stored as sent (as the REST API's JSON mapper checks bodies); a problem names the field.
     */
    private boolean unstorable(String field, Object value) {
        boolean bad = value instanceof String text ? !StorableText.isStorable(text)
                : value instanceof List<?> list && list.stream()
                        .anyMatch(item -> item instanceof String text && !StorableText.isStorable(text));
        if (bad) problems.add(problem(field, field + " " + StorableText.PROBLEM));
        return bad;
    }

    /** Throws VALIDATION_FAILED listing every problem found so far. */
    void check() {
        if (!problems.isEmpty()) throw new InvalidPayloadException(problems);
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) return big.longValue();
        return null;
    }

    private static Map<String, String> problem(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
