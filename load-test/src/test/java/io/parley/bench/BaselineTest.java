package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Parley ÷ bare as the report gives it. */
class BaselineTest {

    @Test
    void ratiosDivideParleyByBareFigureByFigure() throws Exception {
        ObjectNode ratios = Baseline.ratios(leg(200, 500, 40, 120), leg(200, 500, 4, 30),
                Baseline.figures("/ackedPerSecond", "sendToReceive", "/latency/sendToReceive"));
        assertThat(ratios.path("sendsPerSecond").asDouble()).isEqualTo(1.0);
        assertThat(ratios.path("sendToReceiveP50").asDouble()).isEqualTo(10.0);
        assertThat(ratios.path("sendToReceiveP99").asDouble()).isEqualTo(4.0);
        assertThat(Baseline.line(ratios, "sendToReceive")).contains("sends/s 1.00×", "p50 10.00×", "p99 4.00×");
    }

    @Test
    void aLatencyWithoutSamplesHasNoRatioRatherThanZero() throws Exception {
        ObjectNode ratios = Baseline.ratios(leg(50, 0, 0, 0), leg(50, 500, 4, 30),
                Baseline.figures("/ackedPerSecond", "sendToReceive", "/latency/sendToReceive"));
        assertThat(ratios.path("sendsPerSecond").asDouble()).isEqualTo(1.0);
        assertThat(ratios.get("sendToReceiveP99").isNull()).isTrue();
        assertThat(Baseline.line(ratios, "sendToReceive")).contains("p99 n/a");
    }

    private static JsonNode leg(double perSecond, long count, double p50, double p99) throws Exception {
        return Rest.JSON.readTree(String.format(java.util.Locale.ROOT, "{\"ackedPerSecond\": %s, \"server\":"
                + " {\"cpuPercentOfOneCore\": 50}, \"latency\": {\"sendToReceive\": {\"count\": %d, \"p50\": %s,"
                + " \"p90\": %s, \"p99\": %s}}}", perSecond, count, p50, p50, p99));
    }
}
