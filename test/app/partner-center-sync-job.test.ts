import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EmbeddedStore } from '../../adapters/embedded';
import { MongoStore } from '../../adapters/mongo';
import { partnerCenterSyncJob, syncLeaseMs, SYNC_LEASE_SOURCE, SYNC_MAX_ATTEMPTS, type LoggerPort, type PartnerCenterPort, type SyncReport } from '../../app';
import { createBotRuntime } from '../../bot/composition';
import { createLogger } from '../../bot/logger';
import { DEFAULT_POLICY, type StorePort } from '../../domain';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';

/**
 * Issue 17: the schedule that repeats the directory sync. Several instances (here, several jobs over one
 * store) tick at once; the period's lease in the store lets exactly one of them run the sync; a failed
 * run is taken up again at the next check; a new period runs again.
 */
const silent: LoggerPort = { info: () => undefined, warn: () => undefined, error: () => undefined };
const HOUR = 60 * 60 * 1000;
const report = (): SyncReport => ({ dryRun: false, counts: {} as SyncReport['counts'], skipped: [], skippedTotal: 0, resumed: false, customersDone: 0, startedAt: new Date(0) });

/** A sync that counts its runs (the sync itself is tested in test/partner-center/directory-sync.test.ts). */
function countingSync(outcomes: Array<'ok' | 'fail'> = []) {
  const runs: number[] = [];
  let n = 0;
  return {
    runs,
    sync: {
      async run() {
        runs.push(++n);
        await new Promise((r) => setImmediate(r)); // the others tick while it runs
        if (outcomes[n - 1] === 'fail') throw new Error('Partner Center could not be reached');
        return report();
      },
    },
  };
}

const mongoUri = process.env.MONGODB_URI || process.env[ENV.uri];
const stores: Array<[string, () => Promise<{ store: StorePort; close: () => Promise<void> }>]> = [
  [
    'embedded',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'pl-sync-job-'));
      const store = await EmbeddedStore.open({ dataDir });
      return { store, close: async () => (await store.close(), await rm(dataDir, { recursive: true, force: true })) };
    },
  ],
];
if (mongoUri || process.env.CI === 'true') {
  stores.push([
    'MongoDB',
    async () => {
      if (!mongoUri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
      const dbName = `pl_syncjob_${randomBytes(4).toString('hex')}`;
      const store = await MongoStore.open({ uri: mongoUri, dbName });
      const mongoose = (await import('mongoose')).default;
      return {
        store,
        close: async () => {
          await store.close();
          const admin = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
          await admin.dropDatabase();
          await admin.close();
        },
      };
    },
  ]);
} else console.warn(`MongoDB case of the sync schedule skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);

describe.each(stores)('Partner Center sync schedule (%s store)', (_name, open) => {
  let opened: Awaited<ReturnType<typeof open>>;
  beforeEach(async () => void (opened = await open()));
  afterEach(() => opened.close());

  test('three instances tick at once: one runs the sync; the same period again runs nothing; the next period runs again', async () => {
    const { store } = opened;
    let now = new Date('2026-06-15T00:10:00Z');
    const { sync, runs } = countingSync();
    const instances = [1, 2, 3].map(() => partnerCenterSyncJob(sync, store.events, { everyMs: 6 * HOUR, clock: { now: () => now }, logger: silent }));
    expect(instances[0]!.everyMs).toBe(10 * 60_000);
    const results = await Promise.all(instances.map((j) => j.run()));
    expect(results.sort()).toEqual(['not-due', 'not-due', 'synced']);
    expect(runs).toEqual([1]);
    now = new Date('2026-06-15T05:50:00Z');
    expect(await Promise.all(instances.map((j) => j.run()))).toEqual(['not-due', 'not-due', 'not-due']);
    now = new Date('2026-06-15T06:00:00Z');
    expect((await Promise.all(instances.map((j) => j.run()))).filter((r) => r === 'synced')).toHaveLength(1);
    expect(runs).toEqual([1, 2]);
    expect(await store.events.listDue(SYNC_LEASE_SOURCE, now, 10)).toEqual([]);
  });

  test('a run that fails is taken up again when its lease runs out (it continues from its checkpoint), and the period is given up after the last attempt', async () => {
    const { store } = opened;
    let now = new Date('2026-06-15T00:10:00Z');
    const { sync, runs } = countingSync(['fail', 'ok']);
    const job = partnerCenterSyncJob(sync, store.events, { everyMs: 24 * HOUR, clock: { now: () => now }, logger: silent });
    expect(syncLeaseMs(24 * HOUR)).toBe(6 * HOUR);
    await expect(job.run()).rejects.toThrow('could not be reached');
    now = new Date('2026-06-15T06:00:00Z'); // still leased by the failed run
    expect(await job.run()).toBe('not-due');
    now = new Date('2026-06-15T06:20:00Z');
    expect(await job.run()).toBe('synced');
    expect(runs).toEqual([1, 2]);

    const failing = countingSync(Array.from({ length: SYNC_MAX_ATTEMPTS + 1 }, () => 'fail' as const));
    let later = new Date('2026-06-16T00:10:00Z');
    const stubborn = partnerCenterSyncJob(failing.sync, store.events, { everyMs: 24 * HOUR, clock: { now: () => later }, logger: silent });
    for (let i = 0; i < SYNC_MAX_ATTEMPTS; i++) {
      await expect(stubborn.run()).rejects.toThrow();
      later = new Date(later.getTime() + 6 * HOUR + 60_000);
    }
    expect(await stubborn.run()).toBe('not-due');
    expect(failing.runs).toHaveLength(SYNC_MAX_ATTEMPTS);
    expect((await store.events.listDead(SYNC_LEASE_SOURCE)).map((e) => e.deadReason)).toEqual([expect.stringContaining(`after ${SYNC_MAX_ATTEMPTS} attempts`)]);
  });
});

describe('the composition root schedules the sync only when Partner Center is on and PARTNER_CENTER_SYNC_HOURS > 0', () => {
  let dataDir: string;
  let store: StorePort;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-sync-wiring-'));
    store = await EmbeddedStore.open({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('job list', async () => {
    const partnerCenter = {} as PartnerCenterPort; // never called: the jobs are only listed
    const recognizer = { recognize: async () => ({ intent: 'none', score: 0, entities: [] }) } as never;
    const logger = createLogger('silent');
    const names = async (hours: number | undefined, pc?: PartnerCenterPort) =>
      (await createBotRuntime(store, { policy: DEFAULT_POLICY, ...(hours !== undefined ? { PARTNER_CENTER_SYNC_HOURS: hours } : {}) }, logger, { recognizer, ...(pc ? { partnerCenter: pc } : {}) })).jobs.map((j) => j.name);
    expect(await names(6, partnerCenter)).toContain('partner-center-sync');
    expect(await names(0, partnerCenter)).not.toContain('partner-center-sync');
    expect(await names(undefined, partnerCenter)).not.toContain('partner-center-sync');
    expect(await names(6)).not.toContain('partner-center-sync'); // PARTNER_CENTER_ENABLED is not true: no client
    const job = (await createBotRuntime(store, { policy: DEFAULT_POLICY, PARTNER_CENTER_SYNC_HOURS: 0.5 }, logger, { recognizer, partnerCenter })).jobs.find((j) => j.name === 'partner-center-sync');
    expect(job?.everyMs).toBe(10 * 60_000);
  });
});
