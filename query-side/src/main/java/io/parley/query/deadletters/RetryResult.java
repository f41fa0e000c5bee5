package io.parley.query.deadletters;

/** What a retry of one read model's dead letters did: sequences tried, how many went through, letters left. */
public record RetryResult(String processingGroup, int sequencesTried, int sequencesProcessed, long remaining) {
}
