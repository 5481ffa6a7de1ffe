import { trusted, type Model } from 'mongoose';
import type { KeyValuePort, LeaseOutcome } from '../../domain';
import { asKey, keyValueDocument } from '../store-common';
import type { StoredDoc } from './models';
import { isDuplicateKey, retryOnDuplicate } from './mongo-errors';
import type { WriteLocks } from './write-locks';

/**
 * Key-value entries with a time to live in their own collection. Expiry is checked in every read and
 * `pruneExpired` removes what expired (no TTL index: FerretDB 1.24 does not expire documents). A write
 * replaces the whole entry, last writer wins, so it needs no lock.
 */
export class MongoKeyValues implements KeyValuePort {
  constructor(
    private readonly model: Model<StoredDoc>,
    /** Issue 17: leases read and write their entry under the entry's write lock (FerretDB has no atomic filtered update). */
    private readonly locks?: WriteLocks,
  ) {}

  async get(key: string, now = new Date()): Promise<string | undefined> {
    const k = asKey(key);
    const doc = k === undefined ? null : await this.model.findOne({ _id: k, expiresAt: trusted({ $gt: now }) }).lean<StoredDoc>();
    return typeof doc?.value === 'string' ? doc.value : undefined;
  }

  async set(key: string, value: string, ttlMs: number, now = new Date()): Promise<void> {
    const doc = keyValueDocument(key, value, ttlMs, now);
    // Two first writes of one key race to insert it: the loser's second try replaces the winner's.
    await retryOnDuplicate(() => this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async delete(key: string): Promise<void> {
    const k = asKey(key);
    if (k !== undefined) await this.model.deleteOne({ _id: k });
  }

  async pruneExpired(now = new Date()): Promise<number> {
    const res = await this.model.deleteMany({ expiresAt: trusted({ $lte: now }) });
    return res.deletedCount;
  }

  async lease(key: string, holder: string, ttlMs: number, now = new Date()): Promise<LeaseOutcome> {
    const doc = keyValueDocument(key, holder, ttlMs, now);
    const attempt = async (): Promise<LeaseOutcome> => {
      const current = await this.model.findById(doc._id).lean<StoredDoc>();
      if (!current) {
        try {
          await this.model.create({ ...doc });
          return { held: true };
        } catch (err) {
          // Another process inserted it first (outside a lock: only a plain set() can): read it again.
          if (isDuplicateKey(err)) return attempt();
          throw err;
        }
      }
      const until = current.expiresAt as Date;
      if (current.value !== holder && until.getTime() > now.getTime()) return { held: false, holder: String(current.value), until };
      await this.model.replaceOne({ _id: doc._id }, { ...doc });
      return { held: true };
    };
    return this.locks ? this.locks.with(`kv:${doc._id}`, attempt) : attempt();
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    const k = asKey(key);
    if (k === undefined || typeof holder !== 'string') return;
    const release = () => this.model.deleteOne({ _id: k, value: holder });
    await (this.locks ? this.locks.with(`kv:${k}`, release) : release());
  }
}
