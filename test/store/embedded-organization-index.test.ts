import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../adapters/embedded';
import { LevelDirectory } from '../../adapters/embedded/level-directory.repository';
import { foldText } from '../../dialogs/recognition/entities/folded-text';
import { organizationIndexOf } from '../../bot/organization-index';
import type { Organization } from '../../domain';
import { generatedDirectory } from '../support/generated-store';

// Issue 19: the recognizer's organization-name index is saved beside the embedded directory, so that a
// start-up at L reads it back instead of reading 100,200 organizations and indexing their names. What
// is read back must always be the index of the names as they are now.
describe('embedded store: the saved organization-name index', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  const data = generatedDirectory('S', 13);
  const someone = data.organizations.find((o) => o.kind === 'indirect_reseller')!;
  const found = async (text: string) => (await organizationIndexOf(store)).match(foldText(text)).map((m) => m.value);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-orgindex-'));
    store = await EmbeddedStore.open({ dataDir });
    await store.directory.importDirectory(data);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is built from the directory once, then read back without listing the organizations, also after a restart', async () => {
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes).toBeUndefined();
    const list = jest.spyOn(LevelDirectory.prototype, 'listOrganizations');
    expect(await found(`link me with ${someone.name}`)).toEqual([someone.id]);
    expect(list).toHaveBeenCalledTimes(1);
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes?.length).toBeGreaterThan(1000);
    expect(await found(`link me with ${someone.name}`)).toEqual([someone.id]);
    await store.close();
    store = await EmbeddedStore.open({ dataDir });
    expect(await found(`link me with ${someone.name}`)).toEqual([someone.id]);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('is dropped by a change of name or a new organization, in the same write, and the next one finds the new name', async () => {
    await organizationIndexOf(store);
    const renamed: Organization = { ...someone, name: 'Zephyrine Quokka Traders' };
    await store.directory.importDirectory({ organizations: [renamed], people: [], links: [], relationships: [], subscriptions: [] });
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes).toBeUndefined();
    expect(await found('link me with Zephyrine Quokka Traders')).toEqual([someone.id]);
    expect(await found(`link me with ${someone.name}`)).toEqual([]);

    const added: Organization = { ...someone, id: 'reseller-new-1', tenantId: '6f0c3c1e-4b55-4e7b-9d8e-2a1f5c9e0b11' as Organization['tenantId'], name: 'Brightwater Lynx Systems' };
    await store.directory.importDirectory({ organizations: [added], people: [], links: [], relationships: [], subscriptions: [] });
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes).toBeUndefined();
    expect(await found('Brightwater Lynx')).toEqual(['reseller-new-1']);
  });

  it('is kept when organizations are imported again with the same names, or a Slack workspace is bound', async () => {
    await organizationIndexOf(store);
    const before = (await store.organizationIndex.savedOrganizationIndex()).bytes;
    await store.directory.importDirectory(data);
    await store.directory.bindSlackWorkspace(someone.id, 'T0ORGINDEX');
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes).toEqual(before);
  });

  it('is not saved when a name changed after the names it was built from were read', async () => {
    const { generation } = await store.organizationIndex.savedOrganizationIndex();
    await store.directory.importDirectory({ organizations: [{ ...someone, nameJa: 'ゼフィリン' }], people: [], links: [], relationships: [], subscriptions: [] });
    expect(await store.organizationIndex.saveOrganizationIndex(new Uint8Array([1, 2, 3]), generation)).toBe(false);
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes).toBeUndefined();
    const now = await store.organizationIndex.savedOrganizationIndex();
    expect(await store.organizationIndex.saveOrganizationIndex(new Uint8Array([1, 2, 3]), now.generation)).toBe(true);
  });

  it('bytes that do not read back as an index (another version\'s) are replaced by a built one', async () => {
    const { generation } = await store.organizationIndex.savedOrganizationIndex();
    await store.organizationIndex.saveOrganizationIndex(new TextEncoder().encode('not an index'), generation);
    expect(await found(someone.name)).toEqual([someone.id]);
    expect((await store.organizationIndex.savedOrganizationIndex()).bytes?.length).toBeGreaterThan(1000);
  });
});
