import type { Model } from 'mongoose';
import { inBatches } from '../store-common';
import type { StoredDoc } from './models';
import { isDuplicateKey, retryOnDuplicate, retryWhileBusy } from './mongo-errors';

type Ops = Parameters<Model<StoredDoc>['bulkWrite']>[0];

/**
 * At most this many updates go to the server in one command. FerretDB 1.24 keeps the lookup of every
 * update that matched a stored record open (an SQLite connection each) until the whole command is
 * done, and its pool has 100 connections: an update command of more than 100 updates to existing
 * records waits forever for a connection (a re-import of 1,100 organizations hung with the server
 * idle; fresh records, which match nothing, went through). MongoDB does not mind the smaller commands.
 */
export const UPDATES_PER_COMMAND = 50;

/**
 * Bulk writes of upserts by `_id` (UPDATES_PER_COMMAND at a time), in no particular order (each names its
 * own record). An upsert that lost a race to create its record (a duplicate key, on FerretDB and on
 * MongoDB alike) finds it the second time, so the command is written again then: every operation in it
 * is idempotent. So it is, too, when FerretDB's SQLite was too busy to take it (see retryWhileBusy).
 */
export async function bulkUpserts(model: Model<StoredDoc>, ops: Ops): Promise<void> {
  for (const part of inBatches(ops, UPDATES_PER_COMMAND)) {
    await retryWhileBusy(() => retryOnDuplicate(() => model.bulkWrite([...part], { ordered: false })));
  }
}

/**
 * Inserts records that are expected not to be stored yet, in one round trip. True when all of them
 * were new (all are written then); false when at least one was already there, in which case the new
 * ones are written and the caller writes the batch again as upserts (which leave those unchanged).
 */
export async function insertAllNew(model: Model<StoredDoc>, docs: readonly Record<string, unknown>[]): Promise<boolean> {
  return (await insertNew(model, docs)).allNew;
}

/**
 * insertAllNew, also telling how many records this call inserted: undefined when that is not known (the
 * server was busy and the insert was sent again, after an attempt that may have written some).
 */
export async function insertNew(model: Model<StoredDoc>, docs: readonly Record<string, unknown>[]): Promise<{ allNew: boolean; inserted: number | undefined }> {
  if (docs.length === 0) return { allNew: true, inserted: 0 };
  let attempts = 0;
  try {
    await retryWhileBusy(() => {
      attempts++;
      return model.insertMany(docs, { ordered: false });
    });
    return { allNew: true, inserted: docs.length };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const counted = (err as { insertedCount?: unknown }).insertedCount;
    return { allNew: false, inserted: attempts === 1 && typeof counted === 'number' ? counted : undefined };
  }
}
