import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { openStore } from '../../adapters/open-store';
import { DirectorySync, partnerCenterSyncJob, SYNC_LEASE_SOURCE, SYNC_RUN_LEASE_KEY, withSyncRunLease, type LoggerPort } from '../../app';
import { runSyncCommand } from '../../bot/commands/sync.command';
import type { StorePort } from '../../domain';
import { bothStores } from '../support/both-stores';
import { fixturePartnerCenter } from '../support/partner-center-harness';
import { waitUntil } from '../support/wait';
import { PC_BASE, fixture } from '../partner-center/pc-fixtures';
import { answerFullRun, directoryFile } from '../partner-center/sync-answers';

/**
 * Issue 17: `partner-link sync` and the scheduled sync hold one lease in the store, so two never run at
 * once (on one instance or two, the CLI included); the one that finds it taken says who holds it and
 * since when, and does nothing. Real stores (embedded, and MongoDB through a second connection, as a
 * second process would have), Partner Center answered by the fixtures.
 */
const HOUR = 60 * 60 * 1000;
const logs: Record<string, unknown>[] = [];
const logger: LoggerPort = { info: (o: unknown) => void logs.push(o as Record<string, unknown>), warn: () => undefined, error: () => undefined };

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return { io: { stdin: new PassThrough(), stdout: out, stderr: err }, text: () => ({ stdout, stderr }) };
}

describe.each(bothStores().map((s) => [s.name, s] as const))('one directory sync at a time, CLI and schedule (%s store)', (name, storeUnderTest) => {
  let dir: string;
  let store: StorePort;
  let options: ReturnType<typeof storeUnderTest.options>;
  const env = { ...process.env, CI: 'true', SEED_DIRECTORY: 'none' };

  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-sync-lease-'));
    options = storeUnderTest.options();
    store = await openStore({ dataDir: join(dir, 'data'), ...(options.mongodbUri ? { mongodbUri: options.mongodbUri } : {}), ...(options.dbName ? { dbName: options.dbName } : {}) });
    await store.directory.importDirectory(directoryFile());
    logs.length = 0;
  });
  afterEach(async () => {
    await store.close();
    await storeUnderTest.cleanUp();
    rmSync(dir, { recursive: true, force: true });
    nock.cleanAll();
  });

  /** The CLI's store: for MongoDB a connection of its own (another process); the embedded store is one process's. */
  const cliStore = async (): Promise<StorePort> =>
    name === 'mongodb' ? openStore({ dataDir: join(dir, 'cli'), mongodbUri: options.mongodbUri!, dbName: options.dbName! }) : Object.assign(Object.create(store) as StorePort, { close: async () => undefined });
  const cli = (args: string[], t = capture()) => runSyncCommand(args, t.io, env, { openStore: cliStore, partnerCenter: () => fixturePartnerCenter() }).then((code) => ({ code, ...t.text() }));

  it('while the scheduled sync runs, `partner-link sync` (and --dry-run) says who runs it and since when, and does nothing; afterwards it runs', async () => {
    // The scheduled run's first call waits until the test lets it go.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const profile = fixture('organization-profile');
    let asked = false;
    nock(PC_BASE)
      .get('/profiles/organization')
      .reply((_uri, _body, cb) => {
        asked = true;
        void gate.then(() => cb(null, [profile.status, JSON.stringify(profile.body), profile.headers]));
      });
    answerFullRun();
    const clock = { now: () => new Date() };
    const sync = new DirectorySync({ partnerCenter: fixturePartnerCenter(), directory: store.directory, keyValues: store.keyValues, clock });
    const job = partnerCenterSyncJob(sync, store.events, { everyMs: HOUR, clock, logger, runLease: store.keyValues });
    const scheduled = job.run();
    await waitUntil(() => asked); // it holds the lease and waits for Partner Center
    const startedAt = JSON.parse((await store.keyValues.get(SYNC_RUN_LEASE_KEY))!) as { since: string };

    const before = nock.pendingMocks().length;
    for (const args of [[], ['--dry-run']]) {
      const refused = await cli(args);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain(`Another Partner Center sync is running: the scheduled sync on ${hostname()}, pid ${process.pid}, since ${startedAt.since}. Nothing was done.`);
      expect(refused.stdout).not.toContain('Done');
    }
    // The CLI made no Partner Center call (every answer is still there for the scheduled run).
    expect(nock.pendingMocks()).toHaveLength(before);

    release();
    expect(await scheduled).toBe('synced');
    expect(await store.keyValues.get(SYNC_RUN_LEASE_KEY)).toBeUndefined(); // released at the end
    nock.cleanAll();
    answerFullRun();
    const after = await cli([]);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/customers +0 added, 0 updated, 0 marked inactive/); // the scheduled run did it
    expect(await store.keyValues.get(SYNC_RUN_LEASE_KEY)).toBeUndefined();
  });

  it('while `partner-link sync` runs, the schedule does not start a sync (no attempt counted); it runs once that lease is gone and its period lease ran out', async () => {
    let t = new Date('2026-06-15T03:00:00.000Z').getTime();
    const clock = { now: () => new Date(t) };
    const sync = new DirectorySync({ partnerCenter: fixturePartnerCenter(), directory: store.directory, keyValues: store.keyValues, clock });
    const job = partnerCenterSyncJob(sync, store.events, { everyMs: HOUR, clock, logger, runLease: store.keyValues });
    const period = `${SYNC_LEASE_SOURCE}:${Math.floor(t / HOUR)}`;
    let inside = false;
    const held = await withSyncRunLease(store.keyValues, 'partner-link sync by ada on admin-pc, pid 77', clock, async () => {
      inside = true;
      expect(await job.run()).toBe('running-elsewhere'); // no Partner Center call: nock refuses any
      return 'cli done';
    });
    expect(held).toEqual({ ran: true, result: 'cli done' });
    expect(inside).toBe(true);
    expect(logs).toContainEqual(expect.objectContaining({ holder: 'partner-link sync by ada on admin-pc, pid 77' }));
    expect((await store.events.get(period))?.attempts).toBe(0);

    t += 31 * 60_000; // the period's lease (30 minutes for an hourly sync) ran out
    answerFullRun();
    expect(await job.run()).toBe('synced');
    expect(nock.pendingMocks().filter((m) => m.includes(PC_BASE.replace('/v1', '')))).toEqual([]);
  });
});
