import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { EmbeddedStore } from '../../adapters/embedded';
import { MongoStore } from '../../adapters/mongo';
import { PartnerCenterClient } from '../../adapters/partner-center/partner-center.client';
import { DirectorySync, SYNC_CHECKPOINT_KEY, type SyncCounts, type SyncProgress } from '../../app';
import { seenPageKey } from '../../app/partner-center/seen-tenants';
import { PartnerCenterError } from '../../app/ports/partner-center.port';
import { DEFAULT_POLICY, type StorePort } from '../../domain';
import { eligiblePartners } from '../../domain/services/eligibility';
import { verdictFor } from '../../domain/services/facts';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';
import { PC_BASE, fixture, replyWith } from './pc-fixtures';
import { FIRST_PAGE, customerDetails, reply, answerCustomer, answerFullRun, answerPage2, answerStart, CONTINUATION, CONTOSO, directoryFile, FABRIKAM, NORTHWIND, NOW } from './sync-answers';

/**
 * Issue 17, done when: the directory sync against the documented Partner Center answers, on both
 * stores: a multi-page customer list with a 429 in the middle and a page that fails halfway (then the
 * run is continued by another instance from its checkpoint); a dry run changes nothing; a second run
 * changes nothing; what disappeared is marked inactive and no longer offered.
 */
function client(waits: number[] = []): PartnerCenterClient {
  return new PartnerCenterClient({
    baseUrl: PC_BASE,
    tokens: { token: async (mode) => (mode === 'app' ? 'app-token-not-real' : 'user-token-not-real') },
    sleep: async (ms) => void waits.push(ms),
    maxAttempts: 2,
  });
}

function newSync(store: StorePort, pc: PartnerCenterClient, now = NOW): DirectorySync {
  return new DirectorySync({ partnerCenter: pc, directory: store.directory, keyValues: store.keyValues, clock: { now: () => now }, pageSize: 2 });
}

async function snapshot(store: StorePort) {
  const d = store.directory;
  const orgs = await d.listOrganizations();
  return {
    orgs,
    people: await Promise.all(orgs.map((o) => d.listPeople(o.id))),
    links: await d.listLinks({}),
    relationships: await d.listRelationships({}),
    subscriptions: await Promise.all(orgs.map((o) => d.listSubscriptions(o.id))),
  };
}

const counts = (over: Partial<Record<keyof SyncCounts, Partial<SyncCounts[keyof SyncCounts]>>>): SyncCounts => {
  const base = Object.fromEntries(['operator', 'resellers', 'links', 'customers', 'relationships', 'subscriptions'].map((k) => [k, { added: 0, updated: 0, inactive: 0 }])) as SyncCounts;
  for (const [k, v] of Object.entries(over)) Object.assign(base[k as keyof SyncCounts], v);
  return base;
};

/** What the first complete sync of the fixtures changes. */
const FIRST_RUN = counts({
  operator: { updated: 1 },
  resellers: { added: 2 },
  links: { added: 2 },
  customers: { updated: 1, added: 2 },
  subscriptions: { added: 4 },
  relationships: { added: 2 },
});

interface Opened {
  store: StorePort;
  close(): Promise<void>;
}
const mongoUri = process.env.MONGODB_URI || process.env[ENV.uri];
const stores: Array<[string, () => Promise<Opened>]> = [
  [
    'embedded',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'pl-sync-'));
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
      const dbName = `pl_sync_${randomBytes(4).toString('hex')}`;
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
} else console.warn(`MongoDB case of the directory sync skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe.each(stores)('directory sync from Partner Center (%s store)', (_name, open) => {
  let opened: Opened;
  let store: StorePort;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    await store.directory.importDirectory(directoryFile());
  });
  afterEach(() => opened.close());

  test('dry run: reports what would change and changes nothing, not even a checkpoint', async () => {
    const before = await snapshot(store);
    answerFullRun();
    const report = await newSync(store, client()).run({ dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.counts).toEqual(FIRST_RUN);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.keyValues.get(SYNC_CHECKPOINT_KEY, NOW)).toBeUndefined();
  });

  test('a 429 in the middle, a page failing halfway, continued by another instance; then a second run changes nothing', async () => {
    // Run 1: page 1 goes through (with a 429 on Fabrikam's subscriptions, waited out), page 2 keeps failing.
    answerStart();
    replyWith(nock(PC_BASE).get('/customers').query(FIRST_PAGE), 'customers-page-1');
    answerCustomer(CONTOSO);
    answerCustomer(FABRIKAM, { throttleSubscriptions: true });
    replyWith(nock(PC_BASE).get('/customers').query({ size: '2', seekOperation: 'Next' }).times(2), 'server-error-503');
    const waits: number[] = [];
    const failed = await newSync(store, client(waits))
      .run()
      .then(() => undefined, (e: unknown) => e);
    expect(failed).toBeInstanceOf(PartnerCenterError);
    expect((failed as PartnerCenterError).code).toBe('PARTNER_CENTER_UNAVAILABLE');
    expect(waits[0]).toBe(57_000); // the 429's Retry-After was honoured
    // What page 1 brought is in the directory already; Northwind (page 2) is not.
    expect((await store.directory.findOrganizationByTenant(FABRIKAM))?.name).toBe('Fabrikam KK');
    expect(await store.directory.findOrganizationByTenant(NORTHWIND)).toBeUndefined();
    const checkpoint = JSON.parse((await store.keyValues.get(SYNC_CHECKPOINT_KEY, NOW)) ?? '{}');
    expect(checkpoint).toMatchObject({ customersDone: 2, doneInPage: 0, pageAt: { uri: '/customers?size=2&seekOperation=Next', headers: CONTINUATION } });
    // Issue 19: page 1's tenants are kept once under their own key; the checkpoint holds only the page being read.
    expect(checkpoint).toMatchObject({ v: 2, seenPages: 1, seenInPage: [] });
    expect(JSON.parse((await store.keyValues.get(seenPageKey(0), NOW)) ?? '[]')).toEqual([CONTOSO, FABRIKAM]);

    // Run 2, "another instance" (a new client and service on the same store): only page 2 is asked for.
    answerPage2();
    answerCustomer(NORTHWIND);
    const phases: SyncProgress[] = [];
    const resumed = await newSync(store, client()).run({ onProgress: (p) => phases.push(p) });
    expect(resumed.resumed).toBe(true);
    expect(resumed.counts).toEqual(FIRST_RUN);
    expect(resumed.customersDone).toBe(3);
    expect(phases[0]).toEqual({ phase: 'customers', done: 2 });
    expect(phases[1]).toEqual({ phase: 'customers', done: 3, known: 3, more: false });
    expect(phases.at(-1)).toMatchObject({ phase: 'finishing', done: 3 });
    expect(await store.keyValues.get(SYNC_CHECKPOINT_KEY, NOW)).toBeUndefined();
    expect(await store.keyValues.get(seenPageKey(0), NOW)).toBeUndefined();
    expect(resumed.skipped).toEqual([
      { kind: 'relationships', ref: '484e548c-f5f3-4528-93a9-c16c6373cb59', reason: expect.stringContaining('no subscription that says for which workload') },
    ]);

    // What the directory holds now: Partner Center's fields over the file's, the file's own things kept.
    const dir = store.directory;
    expect(await dir.getOrganization('adatum')).toMatchObject({ name: 'Adatum Distribution', nameJa: 'アデータム', partnerId: '4800100', primaryDomain: 'adatumdist.onmicrosoft.com', syncedFrom: 'partner_center' });
    const contoso = await dir.getOrganization('contoso-jp');
    expect(contoso).toMatchObject({ name: 'Contoso Japan', nameJa: 'コントソ', country: 'JP', primaryDomain: 'contosojp.onmicrosoft.com', slackTeamIds: ['T0CONTOSO'], syncedFrom: 'partner_center' });
    expect(contoso).not.toHaveProperty('inactiveSince');
    expect((await dir.listPeople('contoso-jp')).map((p) => [p.id, p.roles])).toEqual([['contoso-admin', ['requester', 'admin']]]);
    const firstUp = await dir.findOrganizationByTenant('484e548c-f5f3-4528-93a9-c16c6373cb59');
    expect(firstUp).toMatchObject({ id: 'first-up-consultants-484e548c', kind: 'indirect_reseller', partnerId: '4847383', country: 'US' });
    expect(await dir.getOrganization('local-reseller')).toEqual(directoryFile().organizations[2]);
    expect(await dir.listLinks({ providerId: 'adatum' })).toEqual([
      { providerId: 'adatum', resellerId: 'first-up-consultants-484e548c', syncedFrom: 'partner_center' },
      { providerId: 'adatum', resellerId: 'local-reseller', since: new Date('2024-01-01T00:00:00.000Z') },
      // Suspended in Partner Center: the link is kept, inactive.
      { providerId: 'adatum', resellerId: 'relecloud-b01b1487', syncedFrom: 'partner_center', inactiveSince: NOW },
    ]);
    expect(await dir.listRelationships({ partnerId: 'first-up-consultants-484e548c' })).toEqual([
      { partnerId: 'first-up-consultants-484e548c', customerId: 'contoso-jp', workload: 'microsoft365', syncedFrom: 'partner_center' },
      { partnerId: 'first-up-consultants-484e548c', customerId: 'fabrikam-kk-45c44870', workload: 'azure', syncedFrom: 'partner_center' },
    ]);
    expect(await dir.getSubscription('83ef9d05-4169-4ef9-9657-0e86b1eab1de')).toMatchObject({
      customerId: 'contoso-jp', name: 'M365 Basic', workload: 'microsoft365', channel: 'csp_partner', billing: 'license',
      termEndsOn: new Date('2026-11-24T00:00:00Z'), offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF', partnerOfRecord: '4847383', status: 'active',
    });
    expect((await dir.listSubscriptions('fabrikam-kk-45c44870')).map((s) => [s.name, s.workload, s.billing, s.partnerOfRecord])).toEqual([
      ['Fabrikam Azure', 'azure', 'usage', '4847383'],
      ['BC Essentials', 'dynamics365', 'license', undefined],
    ]);

    // A second run: everything is as Partner Center says already.
    const settled = await snapshot(store);
    answerFullRun();
    const again = await newSync(store, client(), new Date('2026-06-16T03:00:00.000Z')).run();
    expect(again.resumed).toBe(false);
    expect(again.counts).toEqual(counts({}));
    expect(await snapshot(store)).toEqual(settled);
  });

  test('a failure inside a page: the next run refetches that page and skips the customers already done', async () => {
    answerStart();
    replyWith(nock(PC_BASE).get('/customers').query(FIRST_PAGE), 'customers-page-1');
    answerCustomer(CONTOSO);
    const c = customerDetails(FABRIKAM, 'Fabrikam KK', 'fabrikamkk.onmicrosoft.com');
    reply(nock(PC_BASE).get(`/customers/${FABRIKAM}`), c);
    replyWith(nock(PC_BASE).get(`/customers/${FABRIKAM}/subscriptions`).times(2), 'server-error-503');
    await expect(newSync(store, client()).run()).rejects.toMatchObject({ code: 'PARTNER_CENTER_UNAVAILABLE' });
    const checkpoint = JSON.parse((await store.keyValues.get(SYNC_CHECKPOINT_KEY, NOW)) ?? '{}');
    expect(checkpoint).toMatchObject({ v: 2, customersDone: 1, doneInPage: 1, seenPages: 0, seenInPage: [CONTOSO] });
    expect(checkpoint.pageAt).toBeUndefined();

    // Page 1 again, but only Fabrikam is read (no answers for Contoso: asking would fail the test).
    replyWith(nock(PC_BASE).get('/customers').query(FIRST_PAGE), 'customers-page-1');
    answerCustomer(FABRIKAM);
    answerPage2();
    answerCustomer(NORTHWIND);
    const report = await newSync(store, client()).run();
    expect(report).toMatchObject({ resumed: true, customersDone: 3 });
    expect(report.counts).toEqual(FIRST_RUN);
  });

  test('a stopped run whose page of tenants seen is gone, or that an earlier version saved, is not continued: a new run starts and marks nobody inactive wrongly', async () => {
    answerStart();
    replyWith(nock(PC_BASE).get('/customers').query(FIRST_PAGE), 'customers-page-1');
    answerCustomer(CONTOSO);
    answerCustomer(FABRIKAM);
    replyWith(nock(PC_BASE).get('/customers').query({ size: '2', seekOperation: 'Next' }).times(2), 'server-error-503');
    await expect(newSync(store, client()).run()).rejects.toMatchObject({ code: 'PARTNER_CENTER_UNAVAILABLE' });
    await store.keyValues.delete(seenPageKey(0));
    answerFullRun();
    const fresh = await newSync(store, client()).run();
    expect(fresh).toMatchObject({ resumed: false, customersDone: 3 });
    expect(fresh.counts.customers.inactive).toBe(0);
    expect((await store.directory.findOrganizationByTenant(CONTOSO))?.inactiveSince).toBeUndefined();

    // A version-1 checkpoint (all tenants seen in it) is left for a new run, too.
    const v1 = { v: 1, startedAt: NOW, doneInPage: 0, customersDone: 2, seenCustomers: [CONTOSO, FABRIKAM], counts: FIRST_RUN, skipped: [], skippedTotal: 0 };
    await store.keyValues.set(SYNC_CHECKPOINT_KEY, JSON.stringify(v1), 60_000, NOW);
    answerFullRun();
    expect(await newSync(store, client()).run()).toMatchObject({ resumed: false, customersDone: 3 });
  });

  test('an empty customer list marks nothing inactive (a wrong account or a fault, not every customer leaving)', async () => {
    answerFullRun();
    await newSync(store, client()).run();
    const settled = await snapshot(store);
    answerStart();
    const page = fixture('customers-page-1');
    const body = structuredClone(page.body) as { items: unknown[]; totalCount: number; links: Record<string, unknown> };
    Object.assign(body, { items: [], totalCount: 0 });
    delete body.links.next;
    reply(nock(PC_BASE).get('/customers').query(FIRST_PAGE), { ...page, body });
    const report = await newSync(store, client(), new Date('2026-06-16T03:00:00.000Z')).run();
    expect(report.counts.customers).toEqual({ added: 0, updated: 0, inactive: 0 });
    expect(report.skipped).toContainEqual({ kind: 'customers', ref: '-', reason: expect.stringContaining('listed no customers at all') });
    expect(await snapshot(store)).toEqual(settled);
  });

  test('a direct-bill operator: no reseller links; a subscription with no partner of record is the operator\'s relationship', async () => {
    const file = directoryFile();
    const adatum = file.organizations[0]!;
    await store.directory.importDirectory({ ...file, organizations: [{ ...adatum, kind: 'direct_bill_partner' } as typeof adatum], links: [] });
    answerFullRun();
    const report = await newSync(store, client()).run();
    expect(report.counts.links).toEqual({ added: 0, updated: 0, inactive: 0 });
    expect(await store.directory.listLinks({ providerId: 'adatum' })).toEqual([{ providerId: 'adatum', resellerId: 'local-reseller', since: new Date('2024-01-01T00:00:00.000Z') }]);
    expect(await store.directory.listRelationships({ partnerId: 'adatum' })).toEqual([
      { partnerId: 'adatum', customerId: 'fabrikam-kk-45c44870', workload: 'dynamics365', syncedFrom: 'partner_center' },
    ]);
  });

  test('what disappeared from Partner Center is marked inactive, kept, and no longer offered as a partner', async () => {
    answerFullRun();
    await newSync(store, client()).run();
    const customer = (await store.directory.getOrganization('contoso-jp'))!;
    const requester = (await store.directory.getPerson('contoso-admin'))!;
    const src = () => ({ directory: store.directory, requests: store.requests, policy: DEFAULT_POLICY, now: NOW });
    const offered = async () => {
      const e = await eligiblePartners(customer.id, 'azure', requester, src());
      if (e.kind !== 'listed') throw new Error('expected a list');
      return [...e.eligible, ...e.ineligible].map((c) => c.org.id).sort();
    };
    expect(await offered()).toEqual(['first-up-consultants-484e548c', 'local-reseller', 'relecloud-b01b1487']);

    const later = new Date('2026-06-16T03:00:00.000Z');
    answerFullRun({ northwindGone: true, releCloudGone: true, fabrikamAzureGone: true });
    const report = await newSync(store, client(), later).run();
    expect(report.counts).toEqual(counts({ customers: { inactive: 1 }, resellers: { inactive: 1 }, subscriptions: { inactive: 1 }, relationships: { inactive: 1 } }));
    // Fabrikam's Azure plan is gone: the subscription and the relationship it showed are kept, inactive.
    expect(await store.directory.getSubscription('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toMatchObject({ name: 'Fabrikam Azure', inactiveSince: later });
    expect(await store.directory.listRelationships({ customerId: 'fabrikam-kk-45c44870' })).toEqual([
      { partnerId: 'first-up-consultants-484e548c', customerId: 'fabrikam-kk-45c44870', workload: 'azure', syncedFrom: 'partner_center', inactiveSince: later },
    ]);
    expect(await store.directory.getOrganization('northwind-traders-7f4c1a2b')).toMatchObject({ name: 'Northwind Traders', inactiveSince: later });
    expect(await store.directory.getOrganization('relecloud-b01b1487')).toMatchObject({ inactiveSince: later });
    // Records Partner Center never knew are untouched.
    expect(await store.directory.getOrganization('file-customer')).toEqual(directoryFile().organizations[3]);
    expect(await store.directory.listRelationships({ customerId: 'file-customer' })).toEqual(directoryFile().relationships);
    expect(await offered()).toEqual(['first-up-consultants-484e548c', 'local-reseller']);
    // Asked for by name anyway: refused before any rule runs.
    const asked = await verdictFor({ kind: 'add_partner', customerId: customer.id, partnerId: 'relecloud-b01b1487', workload: 'azure' }, requester, src());
    expect(asked).toMatchObject({ kind: 'refused', refusal: { code: 'UNKNOWN_ORGANIZATION', params: { value: 'ReleCloud' } } });
  });
});
