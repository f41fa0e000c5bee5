package io.parley.realtime.cluster;

import java.time.Instant;

/**
 * A node stopped stamping its liveness in Redis; published (as a Spring application event) on exactly one
 * surviving node, the one whose removal of the stale stamp succeeded.
 */
public record NodeStopped(String nodeId, Instant lastBeat) {
}
