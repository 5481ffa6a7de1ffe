import { isDeepStrictEqual } from 'node:util';
import { uniqueViolation, type Collections, type NedbDoc } from './nedb-collections';

/**
 * Issue 19: the embedded directory's import, a batch at a time (see writeBatch): what each record of a
 * batch is, and how the batch is written.
 */
type Ds = Collections['organizations'];

export function replace(ds: Ds, doc: Record<string, unknown>) {
  // nedb takes a replacement's _id from the document, not from the query, so it is in both.
  return ds.updateAsync({ _id: doc._id }, doc, { upsert: true });
}

/** One record of an import batch: its document if new, whether it would change an existing one, how to write it alone. */
export interface BatchItem {
  _id: string;
  /** The document the import creates when there is none with this `_id`. */
  fresh: () => NedbDoc;
  /** The document the import leaves when there is one. */
  merged: (existing: NedbDoc) => NedbDoc;
  /** The import's write of this record alone (as before batches). */
  write: () => Promise<unknown>;
}

export function replacing(ds: Ds, doc: NedbDoc): BatchItem {
  return { _id: doc._id, fresh: () => doc, merged: () => doc, write: () => replace(ds, doc) };
}

export function upserting(ds: Ds, { _id, update }: { _id: string; update: Record<string, unknown> }): BatchItem {
  return {
    _id,
    fresh: () => applyImportUpdate({ _id }, update),
    merged: (existing) => applyImportUpdate(existing, update),
    write: () => ds.updateAsync({ _id }, update, { upsert: true }),
  };
}

/**
 * A record after an import's update ($set, $unset, and $addToSet with $each: what keyedImportUpdate and
 * subscriptionImportUpdate use), as nedb would leave it.
 */
function applyImportUpdate(base: NedbDoc, update: Record<string, unknown>): NedbDoc {
  const doc: Record<string, unknown> = { ...base, ...((update.$set as Record<string, unknown> | undefined) ?? {}) };
  for (const key of Object.keys((update.$unset as Record<string, unknown> | undefined) ?? {})) delete doc[key];
  for (const [key, spec] of Object.entries((update.$addToSet as Record<string, { $each: unknown[] }> | undefined) ?? {})) {
    const list = Array.isArray(doc[key]) ? [...(doc[key] as unknown[])] : [];
    for (const v of spec.$each) if (!list.some((x) => isDeepStrictEqual(x, v))) list.push(v);
    doc[key] = list;
  }
  return doc as NedbDoc;
}

/**
 * Writes one batch: reads which of its records exist (one indexed query), inserts the new ones together
 * (one nedb operation, all or none), skips those the import would leave as they are, and writes each
 * changed one by itself, in order (the new ones before it are inserted first). When the insert breaks a
 * unique rule (an identity someone else holds, a record twice in the batch), its records are written one
 * by one instead, so that the error, and what was written before it, are those of a one-by-one import.
 */
export async function writeBatch(ds: Ds, items: readonly BatchItem[]): Promise<void> {
  const existing = new Map((await ds.findAsync({ _id: { $in: items.map((i) => i._id) } })).map((d) => [String(d._id), d as NedbDoc] as const));
  let pending: BatchItem[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      await ds.insertAsync(batch.map((i) => i.fresh()));
    } catch (err) {
      if (!uniqueViolation(err)) throw err;
      for (const item of batch) await item.write();
    }
  };
  for (const item of items) {
    const before = existing.get(item._id);
    if (!before) pending.push(item);
    else if (!isDeepStrictEqual(item.merged(before), before)) {
      await flush();
      await item.write();
    }
  }
  await flush();
}
