package io.parley.shared.query;

/**
 * A read model's processor as admins see it: {@code status} is {@code live} or {@code replaying}; {@code position}
 * is the global event index it has reached and {@code lag} how many events it is behind the store's head (both
 * null when this node holds none of its segments). While it replays, {@code progress} (0..1) is how far it is
 * towards the store's head at the reset and {@code eventsPerSecond} the rebuild's pace so far; live, progress is 1
 * and the pace null.
 */
public record ProjectionStatusView(String name, String status, Long position, Long lag, Double progress,
                                   Double eventsPerSecond) {
}
