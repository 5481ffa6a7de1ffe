import { randomUUID } from 'node:crypto';
import type { ClockPort, KeyValuePort } from '../../domain';

/**
 * Issue 17: the one lease every directory sync holds while it runs, whether `partner-link sync` (the
 * CLI) or the schedule started it, on any instance: two syncs never run at once. It lives in the store
 * (a key-value lease, atomic in both stores), is renewed while the sync makes progress and every
 * quarter of its time, and is released at the end; a process that dies leaves it to run out.
 */
export const SYNC_RUN_LEASE_KEY = 'partner-center-sync:running';
/** How long the lease lasts without a renewal (a sync that died is taken over after this). */
export const SYNC_RUN_LEASE_MS = 10 * 60_000;

/** Who holds the lease (stored as its value): shown to whoever finds it taken. */
export interface SyncRunHolder {
  /** What runs it and where, e.g. "partner-link sync (CLI) on host-1, pid 4242". */
  who: string;
  since: Date;
}

export type SyncRunLeaseOutcome<T> = { ran: true; result: T } | { ran: false; holder: SyncRunHolder; until: Date };

/** The holder as stored: JSON with a random ID, so two runs by the same "who" are two holders. */
function holderValue(who: string, since: Date): string {
  return JSON.stringify({ id: randomUUID(), who, since: since.toISOString() });
}

/** Reads a stored holder; anything unreadable is shown as it is (never thrown on). */
export function parseSyncRunHolder(value: string): SyncRunHolder {
  try {
    const v = JSON.parse(value) as { who?: unknown; since?: unknown };
    const since = typeof v.since === 'string' ? new Date(v.since) : new Date(NaN);
    if (typeof v.who === 'string' && !Number.isNaN(since.getTime())) return { who: v.who.slice(0, 200), since };
  } catch {
    // fall through
  }
  return { who: 'unknown', since: new Date(NaN) };
}

/**
 * Runs `fn` while holding the sync lease, or does not run it when another holds it (returns who and until
 * when). `fn` gets `renew`, to call as it makes progress; a timer renews it too while `fn` runs.
 */
export async function withSyncRunLease<T>(
  keyValues: Pick<KeyValuePort, 'lease' | 'releaseLease'>,
  who: string,
  clock: ClockPort,
  fn: (renew: () => void) => Promise<T>,
  leaseMs = SYNC_RUN_LEASE_MS,
): Promise<SyncRunLeaseOutcome<T>> {
  const since = clock.now();
  const holder = holderValue(who, since);
  const taken = await keyValues.lease(SYNC_RUN_LEASE_KEY, holder, leaseMs, since);
  if (!taken.held) return { ran: false, holder: parseSyncRunHolder(taken.holder), until: taken.until };
  let lastRenewal = since.getTime();
  let renewing: Promise<unknown> = Promise.resolve();
  const renew = () => {
    const now = clock.now();
    // At most once a quarter of the lease: progress comes far more often than that.
    if (now.getTime() - lastRenewal < leaseMs / 4) return;
    lastRenewal = now.getTime();
    renewing = renewing.then(() => keyValues.lease(SYNC_RUN_LEASE_KEY, holder, leaseMs, now)).catch(() => undefined);
  };
  const timer = setInterval(renew, Math.max(1000, Math.floor(leaseMs / 4)));
  timer.unref();
  try {
    return { ran: true, result: await fn(renew) };
  } finally {
    clearInterval(timer);
    await renewing;
    await keyValues.releaseLease(SYNC_RUN_LEASE_KEY, holder);
  }
}
