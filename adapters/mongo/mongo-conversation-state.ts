import type { Model } from 'mongoose';
import { trusted } from 'mongoose';
import { ETagConflictError, type ConversationStatePort, type StoreItems } from '../../domain';
import { asKeys, conditionalETag, decodeStateItem, encodeStateItem, newETag } from '../store-common';
import type { StoredDoc } from './models';
import type { WriteLocks } from './write-locks';

/**
 * botbuilder-shaped state in MongoDB: `{ _id: key, json, eTag }`. A write naming an eTag is an update
 * filtered on it; every write (conditional or not) runs under the key's write lock so that the check
 * and the write are one step on FerretDB too (see write-locks.ts).
 */
export class MongoConversationState implements ConversationStatePort {
  constructor(
    private readonly model: Model<StoredDoc>,
    private readonly locks: WriteLocks,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const ks = asKeys(keys);
    if (ks.length === 0) return {};
    const docs = await this.model.find({ _id: trusted({ $in: ks }) }).lean<StoredDoc[]>();
    const items: StoreItems = {};
    for (const doc of docs) items[doc._id] = decodeStateItem(String(doc.json), String(doc.eTag));
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // One item at a time, stopping at the first conflict, as botbuilder's own storages do.
    for (const [key, item] of Object.entries(changes)) {
      const eTag = newETag();
      const set = { $set: { json: encodeStateItem(item), eTag } };
      const expected = conditionalETag(item);
      await this.locks.with(`state:${key}`, async () => {
        if (expected === undefined) {
          await this.model.updateOne({ _id: key }, set, { upsert: true });
          return;
        }
        const res = await this.model.updateOne({ _id: key, eTag: expected }, set);
        if (res.matchedCount !== 1) throw new ETagConflictError(key);
      });
      item.eTag = eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    const ks = asKeys(keys);
    if (ks.length) await this.model.deleteMany({ _id: trusted({ $in: ks }) });
  }
}
