package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;

/** The server's read models as {@code GET /api/admin/projections} shows them. */
final class Projections {
    private Projections() {
    }

    /** Waits (at most {@code seconds}) until every projection is live with no lag. */
    static void awaitCaughtUp(Run run, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (JsonNode p : run.rest.get("/api/admin/projections", run.adminToken).expect(200).data()) {
                all &= p.path("status").asText().equals("live") && p.path("lag").asLong(1) == 0;
            }
            if (all) return;
            Pause.millis(200);
        }
        throw new IllegalStateException("the read models did not catch up within " + seconds + " s");
    }
}
