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
export class TurnGate {
  private active = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
  ) {
    if (!(limit >= 1)) throw new RangeError('TurnGate needs a limit of at least 1');
  }

  /** Turns running now, and turns waiting for a place. */
  get counts(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(turn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await this.place();
    this.active += 1;
    try {
      return await turn();
    } finally {
      this.active -= 1;
      this.next();
    }
  }

  private place(): Promise<void> {
    return new Promise<void>((resolve) => {
      const entry: Waiting = {
        start: resolve,
        // Waited too long: start regardless of the limit (and leave the queue).
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve();
        }, this.maxWaitMs),
      };
      entry.timer.unref?.();
      this.waiting.push(entry);
    });
  }

  private next(): void {
    if (this.active >= this.limit) return;
    const entry = this.waiting.shift();
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.start();
  }
}
