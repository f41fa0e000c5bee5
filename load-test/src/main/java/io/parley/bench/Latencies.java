package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/** HdrHistograms of microseconds as the report shows them: count and percentiles in milliseconds. */
final class Latencies {
    private Latencies() {
    }

    static ObjectNode json(Histogram micros) {
        ObjectNode node = Rest.JSON.createObjectNode();
        node.put("unit", "ms");
        node.put("count", micros.getTotalCount());
        node.put("p50", ms(micros.getValueAtPercentile(50)));
        node.put("p90", ms(micros.getValueAtPercentile(90)));
        node.put("p99", ms(micros.getValueAtPercentile(99)));
        node.put("p999", ms(micros.getValueAtPercentile(99.9)));
        node.put("max", ms(micros.getMaxValue()));
        node.put("mean", micros.getTotalCount() == 0 ? 0 : Math.round(micros.getMean()) / 1000.0);
        return node;
    }

    static String line(Histogram micros) {
        if (micros.getTotalCount() == 0) return "no samples";
        return String.format("p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f ms  (n=%d)",
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), micros.getTotalCount());
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }
}
