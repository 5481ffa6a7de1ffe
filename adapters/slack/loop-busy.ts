import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Issue 19: whether this process's event loop has been busy lately: the share of the last window (at
 * least `windowMs`, measured when asked) it spent running code rather than waiting for input, at or
 * above `threshold`. A store that is slow keeps the loop idle (turns wait); turns whose own work is more
 * than the CPU can do keep it busy, and then the deliveries waiting for their acknowledgement wait too.
 */
export class LoopBusy {
  private last: EventLoopUtilization = performance.eventLoopUtilization();
  private lastAt = performance.now();
  private busyNow = false;

  constructor(
    private readonly threshold = 0.8,
    private readonly windowMs = 100,
  ) {}

  busy(): boolean {
    const now = performance.now();
    if (now - this.lastAt >= this.windowMs) {
      this.busyNow = performance.eventLoopUtilization(this.last).utilization >= this.threshold;
      this.last = performance.eventLoopUtilization();
      this.lastAt = now;
    }
    return this.busyNow;
  }
}
