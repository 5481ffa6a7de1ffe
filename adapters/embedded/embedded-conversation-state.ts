import { ETagConflictError, type ConversationStatePort, type StoreItems } from '../../domain';
import { asKeys, conditionalETag, decodeStateItem, encodeStateItem, newETag } from '../store-common';
import type { Collection } from './nedb-collections';

/**
 * botbuilder-shaped state in nedb: `{ _id: key, json, eTag }`. A write that names an eTag is an update
 * whose query includes that eTag, which nedb (one operation at a time) applies atomically.
 */
export class EmbeddedConversationState implements ConversationStatePort {
  constructor(private readonly ds: Collection) {}

  async read(keys: string[]): Promise<StoreItems> {
    const ks = asKeys(keys);
    if (ks.length === 0) return {};
    const docs = await this.ds.findAsync({ _id: { $in: ks } });
    const items: StoreItems = {};
    for (const doc of docs) items[String(doc._id)] = decodeStateItem(String(doc.json), String(doc.eTag));
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // One item at a time, stopping at the first conflict, as botbuilder's own storages do.
    for (const [key, item] of Object.entries(changes)) {
      const eTag = newETag();
      const json = encodeStateItem(item);
      const expected = conditionalETag(item);
      if (expected === undefined) {
        // A whole document, not $set: nedb tells the two apart by throwing (and catching) an Error
        // when an upsert that inserts has operators, which cost more than the rest of the write.
        await this.ds.updateAsync({ _id: key }, { _id: key, json, eTag }, { upsert: true });
      } else {
        const set = { $set: { json, eTag } };
        const { numAffected } = await this.ds.updateAsync({ _id: key, eTag: expected }, set, {});
        if (numAffected !== 1) throw new ETagConflictError(key);
      }
      item.eTag = eTag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    const ks = asKeys(keys);
    if (ks.length) await this.ds.removeAsync({ _id: { $in: ks } }, { multi: true });
  }
}
