package io.parley.query.inbox;

import java.util.Arrays;
import java.util.List;

/**
 * A chat's tags in one column, {@code |billing|vip|}: the inbox filters by a tag with one portable LIKE on both
 * databases. Tags never hold {@code |} (io.parley.shared.ChatTags), so the delimiters cannot be forged.
 */
final class TagColumn {
    private static final String DELIMITER = "|";

    private TagColumn() {
    }

    static String write(List<String> tags) {
        return tags == null || tags.isEmpty() ? null : DELIMITER + String.join(DELIMITER, tags) + DELIMITER;
    }

    static List<String> read(String column) {
        if (column == null || column.isEmpty()) return List.of();
        return Arrays.stream(column.split("\\" + DELIMITER)).filter(tag -> !tag.isEmpty()).toList();
    }

    /** A LIKE pattern for "carries this tag" (a normalized one); its own % and _ match only themselves. */
    static String containsPattern(String tag) {
        return "%" + DELIMITER + InboxListing.literal(tag) + DELIMITER + "%";
    }
}
