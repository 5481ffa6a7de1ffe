import type { ConversationReferencePort, StoredReference } from '../../domain';
import { asKey, asKeys, referenceFromDocument, referenceToDocument } from '../store-common';
import type { Collection } from './nedb-collections';

/** Where to reach people and channels later, keyed by the reference key. */
export class EmbeddedReferences implements ConversationReferencePort {
  constructor(private readonly ds: Collection) {}

  async save(ref: StoredReference): Promise<void> {
    const doc = referenceToDocument(ref);
    if (asKey(doc._id) === undefined) throw new TypeError('A conversation reference needs a string key.');
    await this.ds.updateAsync({ _id: doc._id }, doc, { upsert: true });
  }

  async get(key: string): Promise<StoredReference | undefined> {
    const k = asKey(key);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ _id: k });
    return doc ? referenceFromDocument(doc) : undefined;
  }

  async listForPerson(personId: string): Promise<StoredReference[]> {
    const k = asKey(personId);
    if (k === undefined) return [];
    return (await this.ds.findAsync({ personId: k }).sort({ _id: 1 })).map(referenceFromDocument);
  }

  async listForPeople(personIds: readonly string[]): Promise<StoredReference[]> {
    const ks = [...new Set(asKeys(personIds))];
    if (ks.length === 0) return [];
    return (await this.ds.findAsync({ personId: { $in: ks } }).sort({ _id: 1 })).map(referenceFromDocument);
  }

  async getMany(keys: readonly string[]): Promise<StoredReference[]> {
    const ks = [...new Set(asKeys(keys))];
    if (ks.length === 0) return [];
    return (await this.ds.findAsync({ _id: { $in: ks } }).sort({ _id: 1 })).map(referenceFromDocument);
  }

  async listForRequest(requestId: string): Promise<StoredReference[]> {
    const k = asKey(requestId);
    if (k === undefined) return [];
    return (await this.ds.findAsync({ requestId: k }).sort({ _id: 1 })).map(referenceFromDocument);
  }

  async delete(key: string): Promise<void> {
    const k = asKey(key);
    if (k !== undefined) await this.ds.removeAsync({ _id: k }, {});
  }
}
