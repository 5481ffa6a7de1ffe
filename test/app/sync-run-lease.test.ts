import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../adapters/embedded';
import { parseSyncRunHolder, SYNC_RUN_LEASE_KEY, withSyncRunLease } from '../../app';
import type { StorePort } from '../../domain';

// Issue 17: the lease every directory sync run holds (the CLI's and the schedule's), on a real store.
const MIN = 60_000;

describe('withSyncRunLease', () => {
  let dir: string;
  let store: StorePort;
  let t: number;
  const clock = { now: () => new Date(t) };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-run-lease-'));
    store = await EmbeddedStore.open({ dataDir: dir });
    t = Date.parse('2026-06-15T03:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('progress renews it (at most every quarter of it), so a long run is not taken over; released at the end', async () => {
    const outcome = await withSyncRunLease(store.keyValues, 'run A', clock, async (renew) => {
      for (let i = 0; i < 6; i++) {
        t += 4 * MIN; // 24 minutes in all, past the 10-minute lease without renewals
        renew();
        await new Promise((r) => setImmediate(r));
        const other = await store.keyValues.lease(SYNC_RUN_LEASE_KEY, 'run B', 10 * MIN, clock.now());
        expect(other).toMatchObject({ held: false });
        if (!other.held) expect(parseSyncRunHolder(other.holder)).toEqual({ who: 'run A', since: new Date('2026-06-15T03:00:00Z') });
      }
      return 'done';
    });
    expect(outcome).toEqual({ ran: true, result: 'done' });
    expect(await store.keyValues.get(SYNC_RUN_LEASE_KEY, clock.now())).toBeUndefined();
  });

  it('a run that throws still releases it; the error reaches the caller', async () => {
    await expect(withSyncRunLease(store.keyValues, 'run A', clock, async () => Promise.reject(new Error('Partner Center down')))).rejects.toThrow('Partner Center down');
    expect(await withSyncRunLease(store.keyValues, 'run B', clock, async () => 'ran')).toEqual({ ran: true, result: 'ran' });
  });

  it('a holder that died is taken over once its lease ran out; an unreadable holder is shown as unknown', async () => {
    await store.keyValues.lease(SYNC_RUN_LEASE_KEY, 'not json', 10 * MIN, clock.now());
    const refused = await withSyncRunLease(store.keyValues, 'run B', clock, async () => 'ran');
    expect(refused).toMatchObject({ ran: false, holder: { who: 'unknown' }, until: new Date(t + 10 * MIN) });
    t += 10 * MIN;
    expect(await withSyncRunLease(store.keyValues, 'run B', clock, async () => 'ran')).toEqual({ ran: true, result: 'ran' });
  });
});
