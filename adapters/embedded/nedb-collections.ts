import Datastore from '@seald-io/nedb';
import { join } from 'node:path';
import { keepDataFileOpen, loadWithoutRewrite } from './nedb-append';

/** One nedb Datastore per collection, each persisted to its own append-only file in the data folder. */
export type NedbDoc = Record<string, unknown> & { _id: string };
export type Collection = Datastore<Record<string, unknown>>;

/**
 * The operational collections (they grow with use, not with the directory). Issue 19: the directory's
 * (organizations, people, links, relationships, subscriptions) moved to LevelDB (level-directory.repository.ts).
 */
export const COLLECTION_NAMES = [
  'requests',
  'conversation-state',
  'conversation-references',
  'inbox-events',
  'key-values',
  'slack-installations',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];
export type Collections = Record<CollectionName, Collection>;

/**
 * Every collection is keyed by `_id` (nedb keeps it unique): request IDs, the state key, the event ID, the key-value key. The unique
 * indexes below are the other rules the store itself must enforce, whatever the callers do.
 */
const INDEXES: Record<CollectionName, Array<{ fieldName: string; unique?: boolean; sparse?: boolean }>> = {
  // At most one open request per subject key (closed ones get a unique `closed:<id>`).
  requests: [{ fieldName: 'openKey', unique: true }, { fieldName: 'awaitingOrgId' }, { fieldName: 'requester.personId' }, { fieldName: 'status' }],
  'conversation-state': [],
  'conversation-references': [{ fieldName: 'personId' }, { fieldName: 'requestId' }],
  'inbox-events': [{ fieldName: 'status' }, { fieldName: 'source' }],
  'key-values': [{ fieldName: 'expiresAt' }],
  'slack-installations': [],
};


const openFiles = new WeakMap<Collection, ReturnType<typeof keepDataFileOpen>>();

/** Closes the data files kept open for appending (after the last operation). */
export async function closeDataFiles(collections: Collections): Promise<void> {
  await Promise.all(Object.values(collections).map((ds) => openFiles.get(ds)?.close()));
}

/**
 * Issue 19: compacts the collections written since their last compaction; the others only wait for
 * their pending operations (as a compaction would). At L an hourly rewrite of every collection held the
 * event loop for seconds although the directory had not changed.
 */
export async function compactChanged(collections: Collections): Promise<void> {
  await Promise.all(
    Object.values(collections).map(async (ds) => {
      if (openFiles.get(ds)?.appendedSinceCompaction() ?? true) await ds.compactDatafileAsync();
      else await ds.findOneAsync({ _id: '' }); // queued behind pending operations, like a compaction
    }),
  );
}

export async function openCollections(dir: string): Promise<Collections> {
  const entries = await Promise.all(
    COLLECTION_NAMES.map(async (name) => {
      const ds: Collection = new Datastore({ filename: join(dir, `${name}.db`) });
      await loadWithoutRewrite(ds);
      for (const index of INDEXES[name]) await ds.ensureIndexAsync(index);
      openFiles.set(ds, keepDataFileOpen(ds));
      return [name, ds] as const;
    }),
  );
  return Object.fromEntries(entries) as Collections;
}

/** nedb reports a broken unique index with errorType 'uniqueViolated' and the clashing key. */
export function uniqueViolation(err: unknown): { key: unknown } | undefined {
  const e = err as { errorType?: unknown; key?: unknown } | null;
  return e && typeof e === 'object' && e.errorType === 'uniqueViolated' ? { key: e.key } : undefined;
}
