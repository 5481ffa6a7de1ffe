import type { ClockPort } from '../../domain';
import type { LoggerPort } from '../ports';

/**
 * Issue 15: the clock every schedule runs on. It tells the time (jobs read it through the services
 * they call) and calls each job on its interval; tests use a clock they move by days, which runs the
 * jobs that came due, instead of waiting.
 */
export interface SchedulerClock extends ClockPort {
  /** Calls `tick` every `ms` (never keeping the process alive) until the returned function is called. */
  every(ms: number, tick: () => unknown): () => void;
}

/** Real time and real timers. */
export const systemSchedulerClock: SchedulerClock = {
  now: () => new Date(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** A piece of periodic work. It must be safe to run on every instance at once: it works on the store. */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Also run once right at start (for work a crash or a restart left behind). */
  atStart?: boolean;
  run(): Promise<unknown>;
}

/**
 * The process's periodic work (notification retries, pruning, expiry and reminders). A job
 * keeps nothing in memory between runs: what is due is read from the store each time, so any instance
 * can run it and a restart loses nothing. A run still going when the next is due is not overlapped.
 */
export class Schedules {
  private readonly timers: (() => void)[] = [];
  private readonly running = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly logger: LoggerPort,
    private readonly clock: SchedulerClock = systemSchedulerClock,
  ) {}

  start(jobs: readonly ScheduledJob[]): void {
    for (const job of jobs) {
      this.timers.push(this.clock.every(job.everyMs, () => this.runOnce(job)));
      if (job.atStart) this.runOnce(job);
    }
  }

  /** Runs the job now unless its previous run is still going; failures are logged, never thrown. */
  runOnce(job: ScheduledJob): Promise<unknown> | undefined {
    if (this.running.has(job.name)) return undefined;
    this.running.add(job.name);
    const run = job
      .run()
      .catch((err: unknown) => this.logger.error({ err, job: job.name }, 'scheduled job failed; it runs again at its next time'))
      .finally(() => {
        this.running.delete(job.name);
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
    return run;
  }

  /** Resolves when the runs in flight now have finished (tests: the runs made at start). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** No new runs; waits for the ones in flight (for a clean shutdown). */
  async stop(): Promise<void> {
    for (const cancel of this.timers.splice(0)) cancel();
    await Promise.allSettled([...this.inFlight]);
  }
}
