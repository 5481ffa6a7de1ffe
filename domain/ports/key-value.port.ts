/**
 * Small values kept for a while under a key (Slack button payloads too long for a button, the card
 * behind a posted Slack message), each with a time to live. An expired entry is invisible at once and
 * removed by `pruneExpired` (the schedule runs it), so nothing stays forever. Writes are last-writer-
 * wins; an entry written again lives on from its new write.
 */
export interface KeyValuePort {
  /** The value, or undefined when there is none or it expired at `now` or before. */
  get(key: string, now?: Date): Promise<string | undefined>;
  /** Stores `value` until `now + ttlMs` (ttlMs > 0, at most MAX_TTL_MS). */
  set(key: string, value: string, ttlMs: number, now?: Date): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes entries expired at `now`; returns how many. */
  pruneExpired(now?: Date): Promise<number>;
  /**
   * Issue 17: a lease under `key` (one holder at a time, across instances and processes): taken when the
   * key is free or its entry expired, renewed (for `ttlMs` from `now`) when it already holds `holder`;
   * otherwise refused with the current holder and until when it holds. Atomic in both stores.
   */
  lease(key: string, holder: string, ttlMs: number, now?: Date): Promise<LeaseOutcome>;
  /** Ends the lease if `holder` still holds it (another holder's is left alone). */
  releaseLease(key: string, holder: string): Promise<void>;
}

export type LeaseOutcome = { held: true } | { held: false; holder: string; until: Date };

/** The longest time to live a store accepts: a year. */
export const MAX_TTL_MS = 366 * 24 * 60 * 60 * 1000;
