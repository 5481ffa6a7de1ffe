import type { StorePort } from '../../domain';
import type { LoggerPort } from '../ports';
import type { ScheduledJob } from './schedules';

/** How long one inbox source's finished records are kept. */
export interface InboxRetention {
  source: string;
  /** Done records: long enough to recognise a platform's retry as a duplicate. */
  doneKeptMs: number;
  /** Dead records: long enough for an operator to look at them (`partner-link deliveries --dead`); unset = kept. */
  deadKeptMs?: number;
}

export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets what nobody needs any more, on every instance (each removal is one filtered delete in the
 * store, so running it twice at once is harmless): each source's done (and dead) inbox records past
 * their retention, and expired key-value entries.
 */
export function storePruningJob(store: Pick<StorePort, 'events' | 'keyValues'>, retention: readonly InboxRetention[], logger: LoggerPort, now: () => Date = () => new Date()): ScheduledJob {
  return {
    name: 'store-pruning',
    everyMs: PRUNE_EVERY_MS,
    atStart: true,
    async run() {
      const at = now().getTime();
      const removed: Record<string, number> = {};
      for (const r of retention) {
        removed[r.source] = await store.events.pruneDone(r.source, new Date(at - r.doneKeptMs));
        if (r.deadKeptMs !== undefined) removed[`${r.source}:dead`] = await store.events.pruneDead(r.source, new Date(at - r.deadKeptMs));
      }
      removed['key-values'] = await store.keyValues.pruneExpired(new Date(at));
      if (Object.values(removed).some((n) => n > 0)) logger.info({ removed }, 'old inbox records and expired key-value entries removed');
      return removed;
    },
  };
}
