import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../adapters/embedded';
import { channelReferenceKey, personReferenceKey, unreachableOrganizations, type ReachabilityDeps, type StorePort } from '../../domain';
import { directoryFixture } from '../support/directory-fixtures';
import { T0 } from '../support/request-fixtures';

// Issue 19: who can be reached is answered for all offered organizations at once, on a real (embedded)
// store, with the same number of store calls for one organization or many.
describe('unreachableOrganizations', () => {
  let dir: string;
  let store: StorePort;
  let calls: string[];
  let deps: ReachabilityDeps;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-reach-'));
    store = await EmbeddedStore.open({ dataDir: dir });
    await store.directory.importDirectory(directoryFixture());
    calls = [];
    const counted = <T extends object>(name: string, target: T): T =>
      new Proxy(target, { get: (t, p, r) => (typeof Reflect.get(t, p, r) === 'function' ? (...a: unknown[]) => (calls.push(`${name}.${String(p)}`), (Reflect.get(t, p, r) as (...x: unknown[]) => unknown).apply(t, a)) : Reflect.get(t, p, r)) });
    deps = { directory: counted('directory', store.directory), references: counted('references', store.references) };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an admin who talked with the bot, or an approval channel, makes an organization reachable; people who are not admins do not', async () => {
    // blue-user (a requester, not an admin) talked with the bot; acme-admin did; contoso has an approval channel.
    await store.references.save({ key: personReferenceKey('blue-user', 'teams'), platform: 'teams', personId: 'blue-user', reference: { channelId: 'msteams' }, updatedAt: T0 });
    await store.references.save({ key: personReferenceKey('acme-admin', 'teams'), platform: 'teams', personId: 'acme-admin', reference: { channelId: 'msteams' }, updatedAt: T0 });
    await store.references.save({ key: channelReferenceKey('contoso', 'slack'), platform: 'slack', orgId: 'contoso', reference: { channel: 'C0APPROVE' }, updatedAt: T0 });
    const ids = ['litware', 'blue-reseller', 'acme-dist', 'contoso', 'fab-direct', 'blue-reseller', 'nobody'];
    expect(await unreachableOrganizations(ids, deps)).toEqual(['litware', 'blue-reseller', 'fab-direct', 'nobody']);
    // Only through the platforms asked about.
    expect(await unreachableOrganizations(['acme-dist', 'contoso'], deps, ['slack'])).toEqual(['acme-dist']);
    expect(await unreachableOrganizations([], deps)).toEqual([]);
  });

  it('three store calls at most, for one organization or six', async () => {
    const count = async (ids: string[]) => {
      calls = [];
      await unreachableOrganizations(ids, deps);
      return calls;
    };
    const one = await count(['blue-reseller']);
    const six = await count(['acme-dist', 'blue-reseller', 'green-reseller', 'fab-direct', 'contoso', 'litware']);
    expect(one).toEqual(['directory.listPeopleOfOrganizations', 'references.listForPeople', 'references.getMany']);
    expect(six).toEqual(one);
  });
});
