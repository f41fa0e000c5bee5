package io.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/** CPU time per harness thread between two moments: tells whether one thread (say, a client's event loop) saturated. */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final long startNanos = System.nanoTime();

    ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) start.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
    }

    /** The thread that used the most CPU since construction: name and percent of one core. */
    Object[] busiest() {
        double elapsed = System.nanoTime() - startNanos;
        String name = "-";
        double best = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long now = THREADS.getThreadCpuTime(id);
            if (now < 0) continue;
            double share = 100.0 * (now - start.getOrDefault(id, 0L)) / elapsed;
            ThreadInfo info = share > best ? THREADS.getThreadInfo(id) : null;
            if (info != null && !info.getThreadName().startsWith(Report.RAW_THREAD_PREFIX)) {
                best = share;
                name = info.getThreadName();
            }
        }
        return new Object[]{name, Sampler.round(best)};
    }
}
