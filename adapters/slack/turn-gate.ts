interface Waiting {
  start: () => void;
  timer: NodeJS.Timeout;
}

/**
 * At most `limit` turns at once; the rest wait in order. A store that takes seconds per write would
 * otherwise have every delivery of the last minutes in flight at once, and their work, resuming in
 * bursts, would hold up the event loop that must acknowledge new deliveries within Slack's limits.
 *
 * A turn never waits longer than `maxWaitMs`: past that it starts anyway. Recovery after a crash takes
 * deliveries left pending for over a minute to be orphans, so no delivery may sit here that long.
 */
export interface TurnGateOptions {
  /**
   * Issue 19: whether this process's event loop is busy now (its CPU, not the store, holds the turns
   * up). While it is, at most `busyLimit` turns run at once, so that the little work an acknowledgement
   * needs waits behind few turns' work, not `limit` of them.
   */
  busy?: () => boolean;
  busyLimit?: number;
  /** Issue 19: a turn given its place starts only after the input already waiting has been read (one event-loop turn). */
  yieldFirst?: boolean;
}

export class TurnGate {
  private active = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
    private readonly options: TurnGateOptions = {},
  ) {
    if (!(limit >= 1)) throw new RangeError('TurnGate needs a limit of at least 1');
    if (options.busyLimit !== undefined && !(options.busyLimit >= 1)) throw new RangeError('TurnGate needs a busy limit of at least 1');
  }

  /** How many turns may run at once right now. */
  private get places(): number {
    return this.options.busy?.() ? Math.min(this.limit, this.options.busyLimit ?? 1) : this.limit;
  }

  /** Turns running now, and turns waiting for a place. */
  get counts(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(turn: () => Promise<T>): Promise<T> {
    // Places may have opened since the last turn ended (the loop is no longer busy): those waiting go first.
    if (this.waiting.length > 0) this.next();
    const counted = this.active >= this.places || this.waiting.length > 0 ? await this.place() : false;
    if (!counted) this.active += 1;
    try {
      if (this.options.yieldFirst) await new Promise<void>((resolve) => setImmediate(resolve));
      return await turn();
    } finally {
      this.active -= 1;
      this.next();
    }
  }

  /** Waits for a place: true when next() gave it (and counted it), false when the wait ran out. */
  private place(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const entry: Waiting = {
        start: () => resolve(true),
        // Waited too long: start regardless of the limit (and leave the queue).
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(false);
        }, this.maxWaitMs),
      };
      entry.timer.unref?.();
      this.waiting.push(entry);
    });
  }

  private next(): void {
    while (this.active < this.places) {
      const entry = this.waiting.shift();
      if (!entry) return;
      clearTimeout(entry.timer);
      this.active += 1; // counted here, so that no newcomer takes the place before it resumes
      entry.start();
    }
  }
}
