package io.parley.dialects.core;

import io.parley.shared.StorableText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A seed payload read strictly: a JSON object whose fields have the seed's JSON types (a number is never taken for
 * a string) and whose text Parley can store. The first problem is a {@code VALIDATION_FAILED} {@link DialectException}.
 */
public final class Fields {
    static final int MAX_ID = 100;
    static final int MAX_TEXT = 8000;
    static final int MAX_LIST = 10;

    private final Map<?, ?> values;

    private Fields(Map<?, ?> values) {
        this.values = values;
    }

    /** {@code data} must be an object; {@code null} (no payload) only when {@code optional}. */
    public static Fields of(Object data, boolean optional) {
        if (data == null && optional) return new Fields(Map.of());
        if (data instanceof Map<?, ?> map) return new Fields(map);
        throw DialectException.invalid("the payload must be a JSON object");
    }

    /** An id from a path: Parley's ids are short, storable strings; anything else names no chat. */
    public static String pathId(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID || !StorableText.isStorable(value)) {
            throw new DialectException(io.parley.shared.error.ErrorCode.NOT_FOUND, "chat not found");
        }
        return value;
    }

    public String requiredId(String name) {
        String value = optionalText(name, MAX_ID);
        if (value == null || value.isBlank()) throw DialectException.invalid(name + " is required");
        return value;
    }

    public String optionalId(String name) {
        String value = optionalText(name, MAX_ID);
        return value == null || value.isBlank() ? null : value;
    }

    public String requiredText(String name, String missing) {
        String value = optionalText(name, MAX_TEXT);
        if (value == null || value.isBlank()) throw DialectException.invalid(missing);
        return value;
    }

    public String optionalText(String name) {
        return optionalText(name, MAX_TEXT);
    }

    private String optionalText(String name, int max) {
        Object value = values.get(name);
        if (value == null) return null;
        if (!(value instanceof String text)) throw DialectException.invalid(name + " must be a string");
        if (text.length() > max) throw DialectException.invalid(name + " is too long");
        if (!StorableText.isStorable(text)) throw DialectException.invalid(name + " " + StorableText.PROBLEM);
        return text;
    }

    /** A field as sent, unchecked (for claims compared against the token). */
    public Object raw(String name) {
        return values.get(name);
    }

    public Boolean optionalBoolean(String name) {
        Object value = values.get(name);
        if (value == null) return null;
        if (!(value instanceof Boolean flag)) throw DialectException.invalid(name + " must be true or false");
        return flag;
    }

    /** A list of ids; the seeds' attachment lists may also hold objects with an {@code _id} or {@code id}. */
    public List<String> optionalIds(String name) {
        Object value = values.get(name);
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw DialectException.invalid(name + " must be a list");
        if (list.size() > MAX_LIST) throw DialectException.invalid(name + " has more than " + MAX_LIST + " items");
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            Object id = item instanceof Map<?, ?> object ? (object.get("_id") != null ? object.get("_id")
                    : object.get("id")) : item;
            if (!(id instanceof String text) || text.isBlank() || text.length() > MAX_ID
                    || !StorableText.isStorable(text)) {
                throw DialectException.invalid(name + " must list media ids");
            }
            ids.add(text);
        }
        return ids;
    }

    /** A field the seed sends to say who the sender is: accepted only when it is the token's own id. */
    public void claimedSelf(String name, String actorId) {
        Object value = values.get(name);
        if (value == null) return;
        String claimed = value instanceof String text ? text : value instanceof Number ? value.toString() : null;
        if (claimed == null) throw DialectException.invalid(name + " must be a string");
        if (!claimed.equals(actorId)) {
            throw DialectException.forbidden(name + " does not match the token: identity comes from the token");
        }
    }
}
