/**
 * At most `limit` calls in any `windowMs` (a sliding window): Partner Center allows about 500 requests
 * a minute per partner tenant for customers and subscriptions (throttling guidance), so the sync
 * spends its calls below that instead of learning the limit from 429s. `take()` resolves when one more
 * call fits. Time and waiting are injected so tests move time instead of waiting.
 */
export class RateLimiter {
  /** When each of the last `limit` calls was let through (oldest first). */
  private readonly recent: number[] = [];
  /** Takes queue up, so callers are let through in the order they asked. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      limit: number;
      windowMs: number;
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
    },
  ) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError('limit must be a whole number of at least 1.');
    if (!(options.windowMs > 0)) throw new RangeError('windowMs must be more than 0.');
  }

  /** Waits until one more call fits in the window, and counts it. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.admit());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async admit(): Promise<void> {
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const at = now();
      while (this.recent.length && this.recent[0]! <= at - this.options.windowMs) this.recent.shift();
      if (this.recent.length < this.options.limit) {
        this.recent.push(at);
        return;
      }
      await sleep(this.recent[0]! + this.options.windowMs - at);
    }
  }
}

/** Partner Center's documented budget for customer and subscription resources. */
export const PARTNER_CENTER_REQUESTS_PER_MINUTE = 500;
