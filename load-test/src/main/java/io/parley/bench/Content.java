package io.parley.bench;

/** Message bodies of a given size: plain text, nothing the measurement depends on. */
final class Content {
    private static final String WORDS = "the quick brown fox jumps over the lazy dog while support answers ";

    private Content() {
    }

    static String of(int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) text.append(WORDS, 0, Math.min(WORDS.length(), bytes - text.length()));
        return text.toString();
    }
}
