import type { LoggerPort } from '../ports';

/** A piece of periodic work. It must be safe to run on every instance at once: it works on the store. */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Also run once right at start (for work a crash or a restart left behind). */
  atStart?: boolean;
  run(): Promise<unknown>;
}

/**
 * The process's periodic work (notification retries, pruning, and later expiry and reminders). A job
 * keeps nothing in memory between runs: what is due is read from the store each time, so any instance
 * can run it and a restart loses nothing. A run still going when the next is due is not overlapped.
 */
export class Schedules {
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly running = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly logger: LoggerPort) {}

  start(jobs: readonly ScheduledJob[]): void {
    for (const job of jobs) {
      const timer = setInterval(() => this.runOnce(job), job.everyMs);
      timer.unref();
      this.timers.push(timer);
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

  /** No new runs; waits for the ones in flight (for a clean shutdown). */
  async stop(): Promise<void> {
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.allSettled([...this.inFlight]);
  }
}
