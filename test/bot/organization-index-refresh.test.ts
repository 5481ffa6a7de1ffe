import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { createNlpjsClassifier } from '../../adapters/nlpjs';
import { EmbeddedStore } from '../../adapters/embedded';
import { MongoStore } from '../../adapters/mongo';
import { Schedules, type LoggerPort, type OrganizationIndexRefresher, type RefreshOutcome } from '../../app';
import type { IntentClassifier } from '../../app/ports';
import { createBotRuntime } from '../../bot/composition';
import { liveOrganizationIndex } from '../../bot/organization-index';
import { entityValues, MessageRecognizer, type OrganizationIndex } from '../../dialogs/recognition';
import { DEFAULT_POLICY, type DirectoryData, type Organization, type StorePort } from '../../domain';
import { directoryFixture } from '../support/directory-fixtures';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';
import { TestClock } from '../support/test-clock';

// The recognizer's organization-name index follows the directory's names in a running process: each
// instance asks the store for the names generation every ORGANIZATION_INDEX_REFRESH_SECONDS (moved here
// by a test clock, never waited for) and, when it moved, reads the index another instance saved, or
// builds and saves it.

const EVERY_MS = 30_000;
const only = (organizations: Organization[]): DirectoryData => ({ organizations, people: [], links: [], relationships: [], subscriptions: [] });
const data = directoryFixture();
const acme = data.organizations.find((o) => o.id === 'acme-dist')!;
const newcomer = { ...acme, id: 'northwind-lynx', tenantId: '6f0c3c1e-4b55-4e7b-9d8e-2a1f5c9e0b11', partnerId: '4899999', name: 'Northwind Lynx Traders', nameJa: undefined } as Organization;

let classifier: IntentClassifier;
beforeAll(async () => {
  classifier = await createNlpjsClassifier();
}, 60_000);

interface Logged {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}
const logs: Logged[] = [];
const logger = { info: (obj: object, msg?: string) => logs.push({ level: 'info', obj, ...(msg ? { msg } : {}) }), warn: (obj: object, msg?: string) => logs.push({ level: 'warn', obj, ...(msg ? { msg } : {}) }), error: (obj: object, msg?: string) => logs.push({ level: 'error', obj, ...(msg ? { msg } : {}) }), debug: () => undefined } as unknown as LoggerPort & Parameters<typeof liveOrganizationIndex>[1];
afterEach(() => {
  logs.length = 0;
  jest.restoreAllMocks();
});

/** One bot instance's recognizer on a store, with its refresh job on a test clock. */
async function instance(store: StorePort) {
  const { index, refresher } = await liveOrganizationIndex(store, logger);
  const recognizer = new MessageRecognizer(classifier, { organizations: index });
  const clock = new TestClock();
  const schedules = new Schedules(logger, clock);
  const outcomes: RefreshOutcome[] = [];
  const job = refresher.job(EVERY_MS);
  schedules.start([{ ...job, run: async () => outcomes.push(await (job.run() as Promise<RefreshOutcome>)) }]);
  return {
    refresher: refresher as OrganizationIndexRefresher<OrganizationIndex>,
    outcomes,
    /** The organizations a message names, as this instance recognizes them now. */
    named: async (text: string) => entityValues(await recognizer.recognize(text, { locale: 'en' }), 'organization'),
    /** The next tick of the refresh schedule; the outcome of the check it made. */
    tick: async () => {
      await clock.advance(EVERY_MS);
      await schedules.idle();
      return outcomes.at(-1);
    },
    clock,
    schedules,
  };
}

describe('organization-name index refresh: the embedded store, in one process', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-orgrefresh-'));
    store = await EmbeddedStore.open({ dataDir });
    await store.directory.importDirectory(data);
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('an organization added after start is recognized by name after the next check, not before; a check with no change reads nothing more', async () => {
    const bot = await instance(store);
    expect(await bot.named('link me with Northwind Lynx Traders')).toEqual([]);
    const saved = jest.spyOn(store.organizationIndex, 'savedOrganizationIndex');
    expect(await bot.tick()).toBe('unchanged');
    expect(saved).not.toHaveBeenCalled();

    await store.directory.importDirectory(only([newcomer]));
    await bot.clock.advance(EVERY_MS - 1);
    await bot.schedules.idle();
    expect(bot.outcomes).toEqual(['unchanged']);
    expect(await bot.named('link me with Northwind Lynx Traders')).toEqual([]);
    await bot.clock.advance(1);
    await bot.schedules.idle();
    expect(bot.outcomes).toEqual(['unchanged', 'built']);
    expect(await bot.named('link me with Northwind Lynx Traders')).toEqual(['northwind-lynx']);
    await bot.schedules.stop();
  });

  it('a failed check or rebuild logs a warning without the secret in the error and keeps the index in use; the next check catches up', async () => {
    const bot = await instance(store);
    await store.directory.importDirectory(only([{ ...acme, name: 'Zephyrine Quokka Traders' }]));
    jest.spyOn(store.organizationIndex, 'namesGeneration').mockRejectedValueOnce(new Error('connect to mongodb://partner:s3cr3t-pw@db.example:27017 failed'));
    expect(await bot.tick()).toBe('failed');
    jest.spyOn(store.organizationIndex, 'organizationNames').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    expect(await bot.tick()).toBe('failed');
    expect(await bot.named('link me with Acme Distribution')).toEqual(['acme-dist']);
    expect(await bot.named('link me with Zephyrine Quokka Traders')).toEqual([]);
    const warnings = logs.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).not.toContain('s3cr3t-pw');
    expect(warnings[1]!.obj).toMatchObject({ err: { name: 'Error', code: 'EIO' } });

    expect(await bot.tick()).toBe('built');
    expect(await bot.named('link me with Zephyrine Quokka Traders')).toEqual(['acme-dist']);
    await bot.schedules.stop();
  });

  it('one refresh at a time: a second call while one runs shares it (one rebuild)', async () => {
    const { refresher } = await instance(store);
    await store.directory.importDirectory(only([newcomer]));
    const list = jest.spyOn(store.organizationIndex, 'organizationNames');
    const [a, b] = [refresher.refresh(), refresher.refresh()];
    expect(a).toBe(b);
    expect(await a).toBe('built');
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('the bot runtime runs the refresh on its schedule, every ORGANIZATION_INDEX_REFRESH_SECONDS (default 30)', async () => {
    const every = async (seconds?: number) =>
      (await createBotRuntime(store, { policy: DEFAULT_POLICY, ...(seconds ? { ORGANIZATION_INDEX_REFRESH_SECONDS: seconds } : {}) }, logger)).jobs.find((j) => j.name === 'organization-index-refresh')?.everyMs;
    expect(await every()).toBe(30_000);
    expect(await every(7)).toBe(7_000);
  });
});

const uri = process.env.MONGODB_URI || process.env[ENV.uri];
const describeMongo = uri || process.env.CI === 'true' ? describe : describe.skip;
if (!uri && process.env.CI !== 'true') console.warn(`MongoDB case skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);

describeMongo('organization-name index refresh: two instances on one MongoDB (FerretDB)', () => {
  let dbName: string;
  let one: MongoStore;
  let other: MongoStore;
  beforeEach(async () => {
    if (!uri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
    dbName = `pl_orgidx_${randomBytes(4).toString('hex')}`;
    one = await MongoStore.open({ uri, dbName });
    other = await MongoStore.open({ uri, dbName });
    await one.directory.importDirectory(data);
  });
  afterEach(async () => {
    await one.close();
    await other.close();
    const admin = await mongoose.createConnection(uri!, { dbName }).asPromise();
    await admin.dropDatabase();
    await admin.close();
  });

  it('an organization created through one instance is recognized by name by the other after its next check, from the index the first one built', async () => {
    const first = await instance(one);
    const second = await instance(other);
    expect(await second.named('we want to work with Northwind Lynx Traders')).toEqual([]);

    await one.directory.importDirectory(only([newcomer]));
    expect(await first.tick()).toBe('built');
    const list = jest.spyOn(other.organizationIndex, 'organizationNames');
    expect(await second.tick()).toBe('read');
    expect(list).not.toHaveBeenCalled();
    expect(await second.named('we want to work with Northwind Lynx Traders')).toEqual(['northwind-lynx']);
    expect(await second.tick()).toBe('unchanged');
    await first.schedules.stop();
    await second.schedules.stop();
  });

  it('a rename and a removed Japanese name written by one instance: the other matches the new name and no longer the old ones', async () => {
    const second = await instance(other);
    expect(await second.named('link me with Acme Distribution')).toEqual(['acme-dist']);
    expect(await second.named('アクメと連携したい')).toEqual(['acme-dist']);

    await one.directory.importDirectory(only([{ ...acme, name: 'Zephyrine Quokka Traders', nameJa: undefined }]));
    expect(await second.named('link me with Zephyrine Quokka Traders')).toEqual([]);
    // Nobody saved an index of the new names: this instance builds it from the directory and saves it.
    expect(await second.tick()).toBe('built');
    expect(await second.named('link me with Zephyrine Quokka Traders')).toEqual(['acme-dist']);
    expect(await second.named('link me with Acme Distribution')).toEqual([]);
    expect(await second.named('アクメと連携したい')).toEqual([]);

    // A third instance starting now reads that index instead of building one.
    const list = jest.spyOn(one.organizationIndex, 'organizationNames');
    const third = await instance(one);
    expect(list).not.toHaveBeenCalled();
    expect(await third.named('link me with Zephyrine Quokka Traders')).toEqual(['acme-dist']);
    await second.schedules.stop();
    await third.schedules.stop();
  });
});
