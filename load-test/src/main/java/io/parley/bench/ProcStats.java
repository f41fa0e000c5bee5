package io.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU and memory figures of this machine's processes, from /proc (Linux) and the JVM's own bean. */
final class ProcStats {
    /** USER_HZ: the unit of /proc CPU times; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcStats() {
    }

    /** CPU seconds this harness JVM used so far. */
    static double harnessCpuSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    static int harnessThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** CPU seconds (user + system) a process used so far; -1 if it cannot be read. */
    static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        if (stat == null) return -1;
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state) of proc(5): utime is field 14, stime field 15.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Resident set size of a process in bytes; -1 if it cannot be read. */
    static long rssBytes(long pid) {
        return statusField(pid, "VmRSS:") * 1024;
    }

    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    /** Busy and total CPU time of the whole machine (all cores), from the first line of /proc/stat. */
    static long[] machineTicks() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) return new long[]{0, 0};
        String[] f = stat.lines().findFirst().orElse("").trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[]{total - idle, total};
    }

    /** The 1-minute load average, -1 if unknown. */
    static double loadAverage() {
        String load = read(Path.of("/proc/loadavg"));
        return load == null ? -1 : Double.parseDouble(load.trim().split("\\s+")[0]);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static long statusField(long pid, String name) {
        String status = read(Path.of("/proc", String.valueOf(pid), "status"));
        if (status == null) return -1;
        return status.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0])).orElse(-1L);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
