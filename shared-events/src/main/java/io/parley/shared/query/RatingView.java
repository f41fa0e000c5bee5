package io.parley.shared.query;

import java.time.Instant;

/** A chat's CSAT rating as the contract shows it inside a chat. */
public record RatingView(int score, String comment, Instant ratedAt) {
}
