package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run as the scenarios see it: the options, the server, an admin token, and what they leave for
 * the report: results, the zero-checks, summary lines, notes, latency histograms and the sampled timeline.
 */
final class Run {
    final BenchOptions options;
    final Target target;
    final Rest rest;
    final String adminToken;
    /** False when the caller handed the harness a running server to leave running (tests share one). */
    final boolean ownsServer;
    final ObjectNode results = Rest.JSON.createObjectNode();
    final ObjectNode checks = Rest.JSON.createObjectNode();
    final List<String> summary = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Latency distributions (microseconds) to plot, by label. */
    final Map<String, Histogram> plotted = new LinkedHashMap<>();
    /** How late the send schedule fired, microseconds; null for closed-loop scenarios. */
    Histogram scheduleLag;
    Sampler sampler;
    /** Where the timeline's server heap comes from: Parley's actuator, or bare's JVM when it runs alone. */
    String timelineHeapSource = PARLEY_HEAP;

    Run(BenchOptions options, Target target, Rest rest, String adminToken, boolean ownsServer) {
        this.options = options;
        this.ownsServer = ownsServer;
        this.target = target;
        this.rest = rest;
        this.adminToken = adminToken;
    }

    /** The Parley server's heap, from its actuator metric; how the report names that source. */
    static final String PARLEY_HEAP = "actuator jvm.memory.used{area=heap}";

    /** Starts the timeline (at most one per run) with the target's process for CPU and RSS. */
    Sampler sample() {
        sampler = new Sampler(target.pid(), () -> rest.heapUsed(adminToken));
        return sampler;
    }

    /** Makes a bare-only run's sampler the run's timeline, so its report has one (Parley's leg made none). */
    Sampler adoptTimeline(Sampler bare, String heapSource) {
        if (sampler == null) {
            sampler = bare;
            timelineHeapSource = heapSource;
        }
        return bare;
    }

    /** Stops the Parley server if this run started it, so a later leg has the machine to itself. */
    boolean stopOwnServer() {
        if (!ownsServer || target.owned() == null) return false;
        target.owned().stopProcess();
        return true;
    }

    /** Records a count that must be zero. */
    void check(String name, long value) {
        checks.put(name, value);
    }

    void say(String format, Object... args) {
        summary.add(String.format(format, args));
    }

    void progress(String format, Object... args) {
        if (!options.flag("quiet")) System.out.println("bench: " + String.format(format, args));
    }
}
