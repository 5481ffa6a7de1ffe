import Datastore from '@seald-io/nedb';
import { appendFile, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../adapters/embedded';
import { LevelKv } from '../../adapters/embedded/level-kv';
import { recordKey } from '../../adapters/embedded/level-keys';
import {
  linkToDocument,
  organizationToDocument,
  personToDocument,
  relationshipToDocument,
  subscriptionToDocument,
} from '../../adapters/store-common';
import type { DirectoryData, Organization } from '../../domain';
import { directoryFixture, IDENTITIES, SUBSCRIPTION_IDS } from '../support/directory-fixtures';

/**
 * Issue 19: a data folder written by the version before LevelDB, whose directory lived in five nedb
 * files. The fixture is written by nedb itself (the same @seald-io/nedb the operational collections
 * still use), with the documents as that version laid them out: organizations with its candidate keys
 * (candidateKind, candidateKey) and indexes, people with `identityKeys` and their unique index, links
 * and relationships keyed by their natural key. Updates and a removal are appended by nedb as later
 * lines and a `$$deleted` tombstone; the last line is cut, as a crash mid-append leaves it.
 */
async function writeOldFolder(dataDir: string, data: DirectoryData): Promise<void> {
  const open = async (name: string, indexes: Array<{ fieldName: string; unique?: boolean; sparse?: boolean }>) => {
    const ds = new Datastore<Record<string, unknown>>({ filename: join(dataDir, `${name}.db`) });
    await ds.loadDatabaseAsync();
    for (const index of indexes) await ds.ensureIndexAsync(index);
    return ds;
  };
  const orgDoc = (o: Organization) => ({ ...organizationToDocument(o), ...(o.kind === 'customer' ? {} : { candidateKind: o.kind, candidateKey: `${o.kind}:${o.country}` }) });
  const orgs = await open('organizations', [
    { fieldName: 'candidateKey', sparse: true },
    { fieldName: 'candidateKind', sparse: true },
  ]);
  await orgs.insertAsync(data.organizations.map(orgDoc));
  await orgs.updateAsync({ _id: 'green-reseller' }, { $set: { name: 'Green Reseller Renamed' } }, {}); // a later line overrides
  await orgs.insertAsync({ ...orgDoc({ ...data.organizations[1]!, id: 'gone-reseller', name: 'Gone', tenantId: '6a707182-93a4-4fb0-91c2-4d5e6f708193' as never }) });
  await orgs.removeAsync({ _id: 'gone-reseller' }, {}); // a tombstone
  const people = await open('people', [{ fieldName: 'orgId' }, { fieldName: 'identityKeys', unique: true, sparse: true }]);
  await people.insertAsync(data.people.map((p) => personToDocument(p)));
  const links = await open('links', [{ fieldName: 'providerId' }, { fieldName: 'resellerId' }]);
  await links.insertAsync(data.links.map((l) => linkToDocument(l)));
  const rels = await open('relationships', [{ fieldName: 'partnerId' }, { fieldName: 'customerId' }]);
  await rels.insertAsync(data.relationships.map((r) => relationshipToDocument(r)));
  const subs = await open('subscriptions', [{ fieldName: 'customerId' }]);
  await subs.insertAsync(data.subscriptions.map((s) => subscriptionToDocument(s)));
  await subs.updateAsync({ _id: SUBSCRIPTION_IDS.contosoEa }, { $addToSet: { supportedBy: 'fab-direct' } }, {});
  await appendFile(join(dataDir, 'people.db'), '{"_id":"cut-person","orgId":"blue-res'); // cut mid-line: never a record
}

describe('embedded store: a folder written before LevelDB (issue 19) is imported at open, once', () => {
  let dataDir: string;
  const data = directoryFixture();
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-migrate-'));
    await writeOldFolder(dataDir, data);
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const expectImported = async (store: EmbeddedStore) => {
    const d = store.directory;
    const orgs = await d.listOrganizations();
    expect(orgs.map((o) => o.id)).toEqual(data.organizations.map((o) => o.id).sort());
    expect(orgs.find((o) => o.id === 'green-reseller')?.name).toBe('Green Reseller Renamed');
    expect(await d.getOrganization('acme-dist')).toEqual(data.organizations.find((o) => o.id === 'acme-dist'));
    expect(await d.getOrganization('gone-reseller')).toBeUndefined();
    expect((await d.findCandidates({ kinds: ['indirect_reseller', 'direct_bill_partner'], countries: ['JP'], limit: 50 })).map((o) => o.id)).toEqual(['blue-reseller', 'fab-direct', 'green-reseller']);
    expect((await d.findPersonByIdentity(IDENTITIES.blueUserSlack))?.id).toBe('blue-user');
    expect(await d.getPerson('cut-person')).toBeUndefined();
    for (const p of data.people) expect(await d.getPerson(p.id)).toEqual(p);
    expect(await d.listLinks({})).toEqual(data.links);
    expect(await d.listRelationships({})).toEqual(data.relationships);
    expect((await d.getSubscription(SUBSCRIPTION_IDS.contosoEa))?.supportedBy).toEqual(['fab-direct']);
    expect((await d.getSubscription(SUBSCRIPTION_IDS.contosoEa))?.termEndsOn).toEqual(data.subscriptions.find((s) => s.id === SUBSCRIPTION_IDS.contosoEa)?.termEndsOn);
  };

  it('imports every record (later lines win, tombstones remove, a cut line is skipped) and renames the old files', async () => {
    const store = await EmbeddedStore.open({ dataDir });
    try {
      await expectImported(store);
      await store.directory.addLink({ providerId: 'acme-dist', resellerId: 'green-reseller' });
    } finally {
      await store.close();
    }
    const files = await readdir(dataDir);
    for (const name of ['organizations', 'people', 'links', 'relationships', 'subscriptions']) {
      expect(files).toContain(`${name}.db.imported`);
      expect(files).not.toContain(`${name}.db`);
    }
    const again = await EmbeddedStore.open({ dataDir }); // not imported twice: the change made since is kept
    try {
      expect(await again.directory.listLinks({ providerId: 'acme-dist' })).toHaveLength(2);
    } finally {
      await again.close();
    }
  });

  it('a crash mid-import (a half-written import folder is left) starts the import again from scratch', async () => {
    const half = await LevelKv.open(join(dataDir, 'directory.importing'));
    await half.batch([{ type: 'put', key: recordKey('org', 'half-written'), value: JSON.stringify({ _id: 'half-written' }) }]);
    await half.close();
    const store = await EmbeddedStore.open({ dataDir });
    try {
      await expectImported(store);
      expect(await store.directory.getOrganization('half-written')).toBeUndefined();
    } finally {
      await store.close();
    }
    expect(await readdir(dataDir)).not.toContain('directory.importing');
  });

  it('a crash after the import, before the old files were renamed, only renames them (nothing imported again)', async () => {
    const store = await EmbeddedStore.open({ dataDir });
    await store.directory.setPersonRoles('blue-user', ['admin']);
    await store.close();
    await copyFile(join(dataDir, 'people.db.imported'), join(dataDir, 'people.db')); // as if the rename had not happened
    const again = await EmbeddedStore.open({ dataDir });
    try {
      expect((await again.directory.getPerson('blue-user'))?.roles).toEqual(['admin']);
    } finally {
      await again.close();
    }
    expect(await readdir(dataDir)).not.toContain('people.db');
  });
});
