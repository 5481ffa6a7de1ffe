import type { SchedulerClock } from '../../app';

const DAY_MS = 86_400_000;

interface Timer {
  ms: number;
  tick: () => unknown;
  next: number;
  cancelled: boolean;
}

/**
 * A clock tests move instead of waiting (issue 15). `advance` jumps forward and runs, once each and in
 * the order they were scheduled, the jobs whose time came (as timers do after a machine wakes from
 * sleep), awaiting their runs; `set` moves the time without running anything (a schedule that has not
 * run yet).
 */
export class TestClock implements SchedulerClock {
  private t: number;
  private readonly timers: Timer[] = [];

  constructor(start: Date | string = '2026-04-01T00:00:00Z') {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  every(ms: number, tick: () => unknown): () => void {
    const timer: Timer = { ms, tick, next: this.t + ms, cancelled: false };
    this.timers.push(timer);
    return () => void (timer.cancelled = true);
  }

  set(to: Date): void {
    this.t = Math.max(this.t, to.getTime());
  }

  async advance(ms: number): Promise<void> {
    this.t += ms;
    for (const timer of this.timers) {
      if (timer.cancelled || timer.next > this.t) continue;
      timer.next = this.t + timer.ms;
      await timer.tick();
    }
  }

  /** Day by day, so that daily work (reminders) runs on each day it is due. */
  async advanceDays(days: number): Promise<void> {
    for (let i = 0; i < days; i++) await this.advance(DAY_MS);
  }
}
