package io.parley.command.conversation;

import io.parley.shared.error.ChatRejectedException;

/** What a CSAT rating may hold. */
final class RatingRules {
    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;
    static final int MAX_COMMENT = 1000;

    private RatingRules() {
    }

    static void check(int score, String comment) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw ChatRejectedException.invalid("score", "SCORE_OUT_OF_RANGE",
                    "score must be a whole number from " + MIN_SCORE + " to " + MAX_SCORE);
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            throw ChatRejectedException.invalid("comment", "COMMENT_TOO_LONG",
                    "comment is limited to " + MAX_COMMENT + " characters");
        }
    }
}
