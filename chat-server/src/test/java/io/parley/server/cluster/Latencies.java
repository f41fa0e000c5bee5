package io.parley.server.cluster;

import java.util.ArrayList;
import java.util.List;

/** Response times of one client, summarised as a reader of the build log wants them: percentiles in ms. */
final class Latencies {
    private final List<Long> nanos = new ArrayList<>();

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    long percentileMillis(double p) {
        if (nanos.isEmpty()) return 0;
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }

    @Override
    public String toString() {
        return nanos.size() + " requests, p50 " + percentileMillis(50) + " ms, p95 " + percentileMillis(95)
                + " ms, p99 " + percentileMillis(99) + " ms, max " + percentileMillis(100) + " ms";
    }
}
