import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { OrganizationIndexRefresher, type OrganizationIndexCodec, type OrganizationNames } from '../app';
import { LiveOrganizationIndex, OrganizationIndex } from '../dialogs/recognition';
import type { StorePort } from '../domain';
import type { Logger } from './logger';

/** The compiled worker beside this file (dist/bot/); absent when this runs from the TypeScript sources (the tests). */
export const INDEX_WORKER = join(__dirname, 'organization-index.worker.js');

/**
 * Builds the index in a worker thread, so that the seconds it takes at L (2.75 s for 100,200 organizations)
 * do not hold up the turns this process is answering meanwhile; the bytes come back and are read (66 ms).
 */
export function buildInWorker(organizations: readonly OrganizationNames[], file = INDEX_WORKER): Promise<OrganizationIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: organizations });
    worker.once('message', (bytes: Uint8Array) => {
      const index = OrganizationIndex.fromBytes(bytes);
      if (index) resolve(index);
      else reject(new Error('the organization-name index worker sent bytes that are not an index'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the organization-name index worker stopped (exit code ${code}) before sending the index`)));
  });
}

/** The recognizer's organization-name index as the refresher makes, writes and reads it. */
export const organizationIndexCodec: OrganizationIndexCodec<OrganizationIndex> = {
  build: (organizations) => (existsSync(INDEX_WORKER) ? buildInWorker(organizations) : OrganizationIndex.build(organizations)),
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
export async function organizationIndexOf(store: Pick<StorePort, 'organizationIndex'>, logger?: Logger): Promise<OrganizationIndex> {
  return new OrganizationIndexRefresher({ store, codec: organizationIndexCodec, use: () => undefined, ...(logger ? { logger } : {}) }).load();
}

/**
 * The index a running recognizer uses and the refresher that replaces it when the directory's names
 * change (its job runs every ORGANIZATION_INDEX_REFRESH_SECONDS).
 */
export async function liveOrganizationIndex(store: Pick<StorePort, 'organizationIndex'>, logger: Logger): Promise<{ index: LiveOrganizationIndex; refresher: OrganizationIndexRefresher<OrganizationIndex> }> {
  const live = new LiveOrganizationIndex(OrganizationIndex.build([]));
  const refresher = new OrganizationIndexRefresher({ store, codec: organizationIndexCodec, use: (next) => live.replace(next), logger });
  live.replace(await refresher.load());
  return { index: live, refresher };
}
