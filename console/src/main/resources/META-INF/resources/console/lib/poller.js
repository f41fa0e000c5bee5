/**
 * Runs a task again and again, a fixed pause after each run ends (never two at once); with a pause of 0 it runs
 * only when asked (now()). The pages poll this way while they have no live Socket.IO connection, and use now()
 * for a one-off refresh when a socket event says something changed (docs/console.md, "Live updates").
 */
export class Poller {
  constructor(task, intervalMs) {
    this.task = task;
    this.intervalMs = intervalMs;
    this.timer = null;
    this.running = false;
    this.again = false;
    this.stopped = true;
  }

  /** Starts polling with a run at once. */
  start() {
    this.stopped = false;
    this.now();
  }

  /** Runs the task now (or right after the run in progress) and then keeps the rhythm. */
  async now() {
    if (this.stopped) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = true;
    try {
      await this.task();
    } catch (e) {
      console.warn("poll failed", e);
    } finally {
      this.running = false;
    }
    if (this.stopped) {
      return;
    }
    if (this.again) {
      this.again = false;
      this.now();
    } else if (this.intervalMs > 0) {
      this.timer = setTimeout(() => this.now(), this.intervalMs);
    }
  }

  /** Changes the pause (0: no more runs unless asked); a shorter one takes effect at once. */
  setInterval(intervalMs) {
    const sooner = intervalMs > 0 && (this.intervalMs === 0 || intervalMs < this.intervalMs);
    this.intervalMs = intervalMs;
    if (intervalMs === 0) {
      clearTimeout(this.timer);
    } else if (sooner && !this.running) {
      this.now();
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
