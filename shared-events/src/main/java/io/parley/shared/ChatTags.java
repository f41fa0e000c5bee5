package io.parley.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a chat's tags, shared by the aggregate (which stores them) and the inbox (which filters by them):
 * a tag is trimmed and lower-cased, 1 to {@value #MAX_LENGTH} characters of letters, digits and {@code - _ . : / # +}
 * or inner spaces; a chat has at most {@value #MAX_TAGS}, each once.
 */
public final class ChatTags {
    public static final int MAX_LENGTH = 32;
    public static final int MAX_TAGS = 20;
    public static final String RULE = "each tag is 1 to " + MAX_LENGTH + " letters, digits, spaces or - _ . : / # +";
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_.:/#+-]([\\p{L}\\p{M}\\p{N} _.:/#+-]*"
            + "[\\p{L}\\p{M}\\p{N}_.:/#+-])?");

    private ChatTags() {
    }

    /** The tag as stored, or empty when it breaks the rule. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        String tag = raw.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || tag.length() > MAX_LENGTH || !TAG.matcher(tag).matches()) return Optional.empty();
        return Optional.of(tag);
    }

    /** The tags as stored, duplicates dropped in first-seen order; empty when any tag breaks the rule. */
    public static Optional<List<String>> normalizeAll(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String each : raw) {
            Optional<String> tag = normalize(each);
            if (tag.isEmpty()) return Optional.empty();
            tags.add(tag.get());
        }
        return Optional.of(new ArrayList<>(tags));
    }
}
