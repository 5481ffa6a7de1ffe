import { EmbeddedStore, type SavedOrganizationIndex } from '../adapters/embedded';
import { OrganizationIndex, type OrganizationNames } from '../dialogs/recognition';
import type { StorePort } from '../domain';
import type { Logger } from './logger';

/** The directory's organizations as the recognizer matches them by name. */
export async function organizationNames(store: Pick<StorePort, 'directory'>): Promise<OrganizationNames[]> {
  return (await store.directory.listOrganizations()).map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
}

/**
 * Issue 19: the recognizer's organization-name index. The embedded store keeps it beside the directory:
 * read back in milliseconds when saved (by `seed`, or by the first start after a name changed), else
 * built from every organization (seconds at L: reading 100,200 records, then indexing their names) and
 * saved. The store deletes it with any change to a name, and refuses a save built from names read
 * before such a change, so the index read back is always the directory's. MongoDB: built at each start.
 */
export async function organizationIndexOf(store: StorePort, logger?: Logger): Promise<OrganizationIndex> {
  const saved: SavedOrganizationIndex | undefined = store instanceof EmbeddedStore ? store.organizationIndex : undefined;
  if (!saved) return OrganizationIndex.build(await organizationNames(store));
  const t0 = performance.now();
  const { bytes, generation } = await saved.savedOrganizationIndex();
  const read = bytes ? OrganizationIndex.fromBytes(bytes) : undefined;
  if (read) {
    logger?.debug({ bytes: bytes!.length, ms: Math.round(performance.now() - t0) }, 'organization-name index read back from the store');
    return read;
  }
  const built = OrganizationIndex.build(await organizationNames(store));
  const out = built.toBytes();
  const kept = await saved.saveOrganizationIndex(out, generation);
  logger?.info({ bytes: out.length, ms: Math.round(performance.now() - t0), saved: kept }, bytes ? 'organization-name index saved by other rules: built again' : 'organization-name index built from the directory');
  return built;
}
