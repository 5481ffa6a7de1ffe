import { OrganizationIndexRefresher, type OrganizationIndexCodec } from '../app';
import { LiveOrganizationIndex, OrganizationIndex } from '../dialogs/recognition';
import type { StorePort } from '../domain';
import type { Logger } from './logger';

/** The recognizer's organization-name index as the refresher makes, writes and reads it. */
export const organizationIndexCodec: OrganizationIndexCodec<OrganizationIndex> = {
  build: (organizations) => OrganizationIndex.build(organizations),
  toBytes: (index) => index.toBytes(),
  fromBytes: (bytes) => OrganizationIndex.fromBytes(bytes),
};

/**
 * Issue 19: the recognizer's organization-name index, from the store: read back in milliseconds when
 * one is saved for the names as they are (by `seed`, by another instance, by an earlier start), else
 * built from every organization (seconds at L: reading 100,200 records, then indexing their names) and
 * saved. Both stores keep it (SavedOrganizationIndexPort) and refuse a save built from names read before
 * a change, so the index read back is always the directory's.
 */
export async function organizationIndexOf(store: Pick<StorePort, 'directory' | 'organizationIndex'>, logger?: Logger): Promise<OrganizationIndex> {
  return new OrganizationIndexRefresher({ store, codec: organizationIndexCodec, use: () => undefined, ...(logger ? { logger } : {}) }).load();
}

/**
 * The index a running recognizer uses and the refresher that replaces it when the directory's names
 * change (its job runs every ORGANIZATION_INDEX_REFRESH_SECONDS).
 */
export async function liveOrganizationIndex(store: Pick<StorePort, 'directory' | 'organizationIndex'>, logger: Logger): Promise<{ index: LiveOrganizationIndex; refresher: OrganizationIndexRefresher<OrganizationIndex> }> {
  const live = new LiveOrganizationIndex(OrganizationIndex.build([]));
  const refresher = new OrganizationIndexRefresher({ store, codec: organizationIndexCodec, use: (next) => live.replace(next), logger });
  live.replace(await refresher.load());
  return { index: live, refresher };
}
