import { trusted, type Model } from 'mongoose';
import type { KeyValuePort } from '../../domain';
import { asKey, keyValueDocument } from '../store-common';
import type { StoredDoc } from './models';
import { retryOnDuplicate } from './mongo-errors';

/**
 * Key-value entries with a time to live in their own collection. Expiry is checked in every read and
 * `pruneExpired` removes what expired (no TTL index: FerretDB 1.24 does not expire documents). A write
 * replaces the whole entry, last writer wins, so it needs no lock.
 */
export class MongoKeyValues implements KeyValuePort {
  constructor(private readonly model: Model<StoredDoc>) {}

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
}
