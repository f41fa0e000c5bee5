package io.parley.bench;

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
    private final Rest rest;
    private final String adminToken;
    private final Thread thread;
    private final long started = System.nanoTime();
    private final double harnessCpuAtStart = ProcStats.harnessCpuSeconds();
    private final double serverCpuAtStart;
    private volatile boolean running = true;
    /** The server's CPU seconds and the time of the last sample that could read them (it may have stopped). */
    private volatile double serverCpuLast = -1;
    private volatile long serverCpuLastAt;

    Sampler(long pid, Rest rest, String adminToken) {
        this.pid = pid;
        this.rest = rest;
        this.adminToken = adminToken;
        this.serverCpuAtStart = pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
        this.thread = new Thread(this::loop, "bench-sampler");
        this.thread.setDaemon(true);
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
            long heap = rest != null && adminToken != null ? rest.heapUsed(adminToken) : -1;
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
        return round(100 * (ProcStats.harnessCpuSeconds() - harnessCpuAtStart) / elapsed());
    }

    /** Average CPU of the server while it ran, percent of one core; -1 if unknown. */
    double serverCpuAverage() {
        double now = pid > 0 ? ProcStats.cpuSeconds(pid) : -1;
        if (now >= 0) return serverCpuAtStart < 0 ? -1 : round(100 * (now - serverCpuAtStart) / elapsed());
        if (serverCpuLast < 0 || serverCpuAtStart < 0) return -1;
        return round(100 * (serverCpuLast - serverCpuAtStart) / ((serverCpuLastAt - started) / 1e9));
    }

    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
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
