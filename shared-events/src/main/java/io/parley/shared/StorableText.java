package io.parley.shared;

/**
 * The text Parley accepts from clients: well-formed Unicode (no lone surrogate, which UTF-8 cannot encode) without
 * U+0000, which PostgreSQL text cannot store. Anything else would be stored differently from what was sent, or not
 * at all, by the read models that follow the event.
 */
public final class StorableText {
    /** The {@code message} of a field problem about such text. */
    public static final String PROBLEM = "must be valid Unicode text without NUL (U+0000) characters";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        return firstUnstorable(text) < 0;
    }

    /** The index of the first char that cannot be stored as is, or -1 when every char can. */
    public static int firstUnstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) return i;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
