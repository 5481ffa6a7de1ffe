import { hostname } from 'node:os';
import type { KeyValuePort, ProcessedEventPort } from '../../domain';
import type { LoggerPort } from '../ports';
import type { ScheduledJob, SchedulerClock } from '../schedules/schedules';
import type { DirectorySync } from './directory-sync';
import { withSyncRunLease } from './sync-lease';

/** The inbox source of the sync's leases (one record per period; the store-pruning job forgets old ones). */
export const SYNC_LEASE_SOURCE = 'partner-center-sync';
/** How often each instance looks whether the period's sync is still to do (a stopped run is continued then). */
export const SYNC_CHECK_EVERY_MS = 10 * 60_000;
/** After this many failed tries in one period the period is given up (moved aside); the next period starts again. */
export const SYNC_MAX_ATTEMPTS = 3;

/**
 * Issue 17: repeats the directory sync every `everyMs` on whichever instance gets there first. Each
 * period has one inbox record (`partner-center-sync:<period>`); an instance runs the sync only while it
 * holds that record's lease (takeOver is atomic in both stores), so with several instances one runs
 * it. A run that fails (Partner Center unreachable, a page failing halfway) leaves its checkpoint and
 * the record pending: when the lease has run out, the next check, here or elsewhere, continues it. The
 * lease is not renewed, so it is long (half the period, from 30 minutes to 6 hours): a failed run is
 * tried again that much later, and a run is never overlapped by another instance's.
 */
export function syncLeaseMs(everyMs: number): number {
  return Math.min(Math.max(everyMs / 2, 30 * 60_000), 6 * 60 * 60_000);
}

/** Repeats the sync; see above. */
export function partnerCenterSyncJob(
  sync: Pick<DirectorySync, 'run'>,
  events: ProcessedEventPort,
  options: {
    everyMs: number;
    clock: Pick<SchedulerClock, 'now'>;
    logger: LoggerPort;
    checkEveryMs?: number;
    /** The lease every sync run holds (see sync-lease.ts): a `partner-link sync` running now is not doubled. */
    runLease?: Pick<KeyValuePort, 'lease' | 'releaseLease'>;
  },
): ScheduledJob {
  const { everyMs, clock, logger } = options;
  const leaseMs = syncLeaseMs(everyMs);
  return {
    name: 'partner-center-sync',
    everyMs: Math.min(options.checkEveryMs ?? SYNC_CHECK_EVERY_MS, everyMs),
    atStart: true,
    async run() {
      const now = clock.now();
      const period = Math.floor(now.getTime() / everyMs);
      const id = `${SYNC_LEASE_SOURCE}:${period}`;
      await events.claim({ id, source: SYNC_LEASE_SOURCE, payload: { period } }, now);
      if (!(await events.takeOver(id, now, new Date(now.getTime() + leaseMs)))) return 'not-due';
      const runPeriod = async (renew?: () => void): Promise<string> => {
        const attempt = await events.recordAttempt(id);
        try {
          const report = await (renew ? sync.run({ onProgress: renew }) : sync.run());
          await events.complete(id, clock.now(), { dropPayload: true });
          logger.info({ counts: report.counts, skipped: report.skippedTotal, resumed: report.resumed, customers: report.customersDone }, 'Partner Center sync finished');
          return 'synced';
        } catch (err) {
          // The lease stays until it runs out: then the next check (on any instance) continues from the checkpoint.
          if (attempt >= SYNC_MAX_ATTEMPTS) await events.markDead(id, clock.now(), `gave up after ${attempt} attempts; the next period starts again`);
          throw err;
        }
      };
      if (!options.runLease) return runPeriod();
      // Issue 17: one sync at a time, the CLI's included. When another run holds it, this period's lease
      // runs out unused (no attempt counted) and the next check after that continues, or finds it done.
      const outcome = await withSyncRunLease(options.runLease, `the scheduled sync on ${hostname()}, pid ${process.pid}`, clock, (renew) => runPeriod(renew));
      if (outcome.ran) return outcome.result;
      logger.info({ holder: outcome.holder.who, since: outcome.holder.since, until: outcome.until }, 'Partner Center sync not started: another sync is running');
      return 'running-elsewhere';
    },
  };
}
