package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Once a second: the rates of the scenario's counters, the CPU of this harness and of the server (percent of one
 * core), the server's RSS and heap, and how busy the whole machine is. The timeline goes to the report and plot.
 */
final class Sampler implements AutoCloseable {
    /** One second of the run. */
    record Sample(double t, Map<String, Double> perSecond, double harnessCpuPercent, int harnessThreads,
                  String busiestHarnessThread, double busiestHarnessThreadCpuPercent,
                  double serverCpuPercent, long serverRssBytes, long serverHeapBytes, double machineBusyPercent) {
    }

    private final Map<String, LongSupplier> counters = new LinkedHashMap<>();
    private final Map<String, Long> last = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final long pid;
    private final LongSupplier heapUsed;
    private final Thread thread;
    private final long started = System.nanoTime();
    private final double harnessCpuAtStart = ProcStats.harnessCpuSeconds();
    private final double serverCpuAtStart;
    private volatile boolean running = true;
    /** The server's CPU seconds and the time of the last sample that could read them (it may have stopped). */
    private volatile double serverCpuLast = -1;
    private volatile long serverCpuLastAt;
    /** When close() ran, and the CPU seconds then: averages cover the sampled time only. */
    private volatile long stoppedAt = -1;
    private volatile double harnessCpuAtStop;
    private volatile double serverCpuAtStop = -1;

    /** Samples process {@code pid} (CPU, RSS) and {@code heapUsed} (bytes, -1 if unknown) once a second. */
    Sampler(long pid, LongSupplier heapUsed) {
        this.pid = pid;
        this.heapUsed = heapUsed;
        this.serverCpuAtStart = pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
        this.thread = new Thread(this::loop, "bench-sampler");
        this.thread.setDaemon(true);
    }

    /** The sampled process. */
    long pid() {
        return pid;
    }

    /** Adds a cumulative counter whose per-second rate the timeline shows. */
    Sampler count(String name, LongSupplier counter) {
        counters.put(name, counter);
        last.put(name, counter.getAsLong());
        return this;
    }

    Sampler start() {
        thread.start();
        return this;
    }

    private void loop() {
        double harnessCpu = ProcStats.harnessCpuSeconds();
        double serverCpu = pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
        long[] machine = ProcStats.machineTicks();
        long previous = System.nanoTime();
        ThreadCpu threads = new ThreadCpu();
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            double seconds = (now - previous) / 1e9;
            previous = now;
            Map<String, Double> rates = new LinkedHashMap<>();
            counters.forEach((name, counter) -> {
                long value = counter.getAsLong();
                rates.put(name, (value - last.put(name, value)) / seconds);
            });
            double h = ProcStats.harnessCpuSeconds();
            double s = pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
            if (s >= 0) {
                serverCpuLast = s;
                serverCpuLastAt = now;
            }
            long[] m = ProcStats.machineTicks();
            double busy = m[1] > machine[1] ? 100.0 * (m[0] - machine[0]) / (m[1] - machine[1]) : 0;
            Object[] busiest = threads.busiest();
            threads = new ThreadCpu();
            long heap = heapUsed.getAsLong();
            synchronized (samples) {
                samples.add(new Sample(round((now - started) / 1e9), rates, round(100 * (h - harnessCpu) / seconds),
                        ProcStats.harnessThreads(), (String) busiest[0], (Double) busiest[1], s < 0 || serverCpu < 0 ? -1 : round(100 * (s - serverCpu) / seconds),
                        pid > 0 ? ProcStats.rssBytes(pid) : -1, heap, round(busy)));
            }
            harnessCpu = h;
            serverCpu = s;
            machine = m;
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Average CPU of the harness over the whole sampled time, percent of one core. */
    double harnessCpuAverage() {
        double now = stoppedAt < 0 ? ProcStats.harnessCpuSeconds() : harnessCpuAtStop;
        return round(100 * (now - harnessCpuAtStart) / elapsed());
    }

    /** Average CPU of the server while it ran, percent of one core; -1 if unknown. */
    double serverCpuAverage() {
        double now = stoppedAt >= 0 ? serverCpuAtStop : pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
        if (now >= 0) return serverCpuAtStart < 0 ? -1 : round(100 * (now - serverCpuAtStart) / elapsed());
        if (serverCpuLast < 0 || serverCpuAtStart < 0) return -1;
        return round(100 * (serverCpuLast - serverCpuAtStart) / ((serverCpuLastAt - started) / 1e9));
    }

    double elapsed() {
        return ((stoppedAt < 0 ? System.nanoTime() : stoppedAt) - started) / 1e9;
    }

    /** The server's figures of the sampled time: CPU average, RSS and heap maxima, and where the heap came from. */
    ObjectNode server(String heapSource) {
        ObjectNode server = Rest.JSON.createObjectNode();
        server.put("cpuPercentOfOneCore", serverCpuAverage());
        server.put("rssMaxBytes", samples().stream().mapToLong(Sample::serverRssBytes).max().orElse(-1));
        server.put("heapUsedMaxBytes", samples().stream().mapToLong(Sample::serverHeapBytes).max().orElse(-1));
        server.put("heapSource", heapSource);
        return server;
    }

    @Override
    public void close() {
        if (stoppedAt < 0) {
            harnessCpuAtStop = ProcStats.harnessCpuSeconds();
            serverCpuAtStop = pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
            stoppedAt = System.nanoTime();
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
