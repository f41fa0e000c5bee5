/**
 * Runs a task again and again, a fixed pause after each run ends (never two at once). The pages learn about
 * new chats, messages, read receipts and status changes this way until the Socket.IO browser client can be
 * served from a WebJar (docs/console.md, "Live updates").
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
    } else {
      this.timer = setTimeout(() => this.now(), this.intervalMs);
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
