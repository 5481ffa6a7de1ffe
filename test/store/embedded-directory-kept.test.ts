import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../adapters/embedded';
import { recordPrefix } from '../../adapters/embedded/level-keys';
import { LevelKv } from '../../adapters/embedded/level-kv';
import { generatedDirectory } from '../support/generated-store';

// Issue 19: the nedb store kept every organization and link parsed in memory; at L (100,000
// organizations) reading them all again took seconds with the event loop held, and a link, a Slack
// workspace binding or a person's roles used to drop them all. The LevelDB directory keeps nothing of
// the kind: a change writes one record with its index entries, and a lookup reads only what it names,
// through an index, never by scanning a whole kind of record.
describe('embedded store: a change and the lookups after it read no whole kind of record', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  const data = generatedDirectory('S', 11);
  const SINCE = new Date('2026-12-07T00:00:00Z');
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-kept-'));
    store = await EmbeddedStore.open({ dataDir });
    await store.directory.importDirectory(data);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Scans of every record of a kind (organizations, people, links, …) from now on. */
  function countWholeReads() {
    const spy = jest.spyOn(LevelKv.prototype, 'entries');
    const whole = new Set((['org', 'person', 'link', 'rel', 'sub'] as const).map(recordPrefix));
    return () => spy.mock.calls.filter(([prefix]) => whole.has(prefix)).length;
  }

  it('a link, a Slack workspace, a new person and new roles are seen at once, without reading every organization or link again', async () => {
    const d = store.directory;
    const reseller = data.organizations.find((o) => o.kind === 'indirect_reseller' && !data.links.some((l) => l.resellerId === o.id))!;
    const provider = data.organizations.find((o) => o.kind === 'indirect_provider')!;
    const customer = data.organizations.find((o) => o.kind === 'customer')!;
    // Load what is kept.
    expect(await d.listLinks({ resellerId: reseller.id })).toEqual([]);
    const before = await d.listLinks({ providerId: provider.id });
    expect((await d.listOrganizations()).length).toBe(data.organizations.length);
    const wholeReads = countWholeReads();

    await d.addLink({ providerId: provider.id, resellerId: reseller.id, since: SINCE });
    await d.bindSlackWorkspace(customer.id, 'T0KEPT1');
    const admin = data.people.find((p) => p.orgId === customer.id)!;
    await d.setPersonRoles(admin.id, ['requester']);
    await d.addPerson({ ...admin, id: 'kept-new-person', identities: [{ platform: 'slack', teamId: 'T0KEPT1', userId: 'U0KEPT1' }] });

    expect(await d.listLinks({ resellerId: reseller.id })).toEqual([{ providerId: provider.id, resellerId: reseller.id, since: SINCE }]);
    const after = await d.listLinks({ providerId: provider.id });
    expect(after).toHaveLength(before.length + 1);
    expect(after.map((l) => `${l.providerId}:${l.resellerId}`)).toEqual(after.map((l) => `${l.providerId}:${l.resellerId}`).sort());
    expect((await d.findOrganizationBySlackWorkspace({ teamId: 'T0KEPT1' }))?.id).toBe(customer.id);
    expect((await d.getOrganization(customer.id))?.slackTeamIds).toContain('T0KEPT1');
    expect((await d.findOrganizationByTenant(customer.tenantId.toUpperCase()))?.slackTeamIds).toContain('T0KEPT1');
    expect((await d.findPersonByIdentity({ platform: 'slack', teamId: 'T0KEPT1', userId: 'U0KEPT1' }))?.id).toBe('kept-new-person');
    expect(wholeReads()).toBe(0);

    // Listing every organization is such a read (the count sees it, so the zero above means something).
    expect((await d.listOrganizations()).map((o) => o.id)).toEqual([...data.organizations.map((o) => o.id)].sort());
    expect(wholeReads()).toBe(1);
    await d.importDirectory(data);
    // What the store holds, read afresh, is what was kept.
    expect(await d.listLinks({ resellerId: reseller.id })).toEqual([{ providerId: provider.id, resellerId: reseller.id, since: SINCE }]);
    expect((await d.getOrganization(customer.id))?.slackTeamIds).toEqual([]);
  });
});
