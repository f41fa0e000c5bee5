package io.parley.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule: action i is due at start + i / rate, whatever happened to the earlier ones, so a slow
 * server cannot slow the offered load down (no coordinated omission). Lateness of each firing is recorded.
 */
final class Pacer {
    /** What to do at each tick; {@code intendedNanos} is when the schedule wanted it. */
    interface Tick {
        void fire(long index, long intendedNanos);
    }

    final Histogram lateness = new Histogram(DeliveryBook.MAX_MICROS, 3);
    private final double ratePerSecond;

    Pacer(double ratePerSecond) {
        if (ratePerSecond <= 0) throw new IllegalArgumentException("rate must be > 0");
        this.ratePerSecond = ratePerSecond;
    }

    /** Runs the schedule on the calling thread for {@code seconds}, starting at index {@code firstIndex}. */
    long run(double seconds, long firstIndex, Tick tick) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        double period = 1e9 / ratePerSecond;
        long i = 0;
        while (true) {
            long due = start + (long) (i * period);
            if (due >= end) break;
            long wait = due - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = due - System.nanoTime();
            }
            lateness.recordValue(Math.min(DeliveryBook.MAX_MICROS, -wait / 1000));
            tick.fire(firstIndex + i, due);
            i++;
        }
        return firstIndex + i;
    }
}
