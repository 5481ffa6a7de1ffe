import type { KeyValuePort, LeaseOutcome } from '../../domain';
import { asKey, keyValueDocument } from '../store-common';
import { uniqueViolation, type Collection } from './nedb-collections';

/** Key-value entries with a time to live, in their own nedb collection: `{ _id: key, value, expiresAt }`. */
export class EmbeddedKeyValues implements KeyValuePort {
  constructor(private readonly ds: Collection) {}

  async get(key: string, now = new Date()): Promise<string | undefined> {
    const k = asKey(key);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ _id: k, expiresAt: { $gt: now } });
    return typeof doc?.value === 'string' ? doc.value : undefined;
  }

  async set(key: string, value: string, ttlMs: number, now = new Date()): Promise<void> {
    const doc = keyValueDocument(key, value, ttlMs, now);
    // A whole document (not $set): nedb upserts it without throwing and catching an Error.
    await this.ds.updateAsync({ _id: doc._id }, doc, { upsert: true });
  }

  async delete(key: string): Promise<void> {
    const k = asKey(key);
    if (k !== undefined) await this.ds.removeAsync({ _id: k }, {});
  }

  async pruneExpired(now = new Date()): Promise<number> {
    return this.ds.removeAsync({ expiresAt: { $lte: now } }, { multi: true });
  }

  async lease(key: string, holder: string, ttlMs: number, now = new Date()): Promise<LeaseOutcome> {
    const doc = keyValueDocument(key, holder, ttlMs, now);
    // nedb runs one operation at a time: the filtered replace is a compare-and-set (expired, or ours).
    const { numAffected } = await this.ds.updateAsync({ _id: doc._id, $or: [{ expiresAt: { $lte: now } }, { value: holder }] }, doc, {});
    if (numAffected === 1) return { held: true };
    try {
      await this.ds.insertAsync({ ...doc });
      return { held: true };
    } catch (err) {
      if (!uniqueViolation(err)) throw err;
    }
    const current = await this.ds.findOneAsync({ _id: doc._id });
    if (!current) return this.lease(key, holder, ttlMs, now);
    return { held: false, holder: String(current.value), until: current.expiresAt as Date };
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    const k = asKey(key);
    if (k !== undefined && typeof holder === 'string') await this.ds.removeAsync({ _id: k, value: holder }, {});
  }
}
