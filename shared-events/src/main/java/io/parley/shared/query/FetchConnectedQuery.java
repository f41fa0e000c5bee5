package io.parley.shared.query;

/** Whether a person has at least one connected socket on any live node; answers a {@code Boolean}. */
public record FetchConnectedQuery(String personId) {
}
