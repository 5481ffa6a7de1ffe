import { trusted, type Model } from 'mongoose';
import type { ConversationReferencePort, StoredReference } from '../../domain';
import { asKey, asKeys, referenceFromDocument, referenceToDocument } from '../store-common';
import type { StoredDoc } from './models';
import { retryOnDuplicate } from './mongo-errors';

/** Where to reach people and channels later; the last save wins, so no write lock is needed. */
export class MongoReferences implements ConversationReferencePort {
  constructor(private readonly model: Model<StoredDoc>) {}

  async save(ref: StoredReference): Promise<void> {
    const doc = referenceToDocument(ref);
    const key = asKey(doc._id);
    if (key === undefined) throw new TypeError('A conversation reference needs a string key.');
    await retryOnDuplicate(() => this.model.replaceOne({ _id: key }, doc, { upsert: true }));
  }

  async get(key: string): Promise<StoredReference | undefined> {
    const k = asKey(key);
    const doc = k === undefined ? null : await this.model.findById(k).lean<StoredDoc>();
    return doc ? referenceFromDocument(doc) : undefined;
  }

  async listForPerson(personId: string): Promise<StoredReference[]> {
    const k = asKey(personId);
    if (k === undefined) return [];
    return (await this.model.find({ personId: k }).sort({ _id: 1 }).lean<StoredDoc[]>()).map(referenceFromDocument);
  }

  async listForPeople(personIds: readonly string[]): Promise<StoredReference[]> {
    const ks = [...new Set(asKeys(personIds))];
    if (ks.length === 0) return [];
    return (await this.model.find({ personId: trusted({ $in: ks }) }).sort({ _id: 1 }).lean<StoredDoc[]>()).map(referenceFromDocument);
  }

  async getMany(keys: readonly string[]): Promise<StoredReference[]> {
    const ks = [...new Set(asKeys(keys))];
    if (ks.length === 0) return [];
    return (await this.model.find({ _id: trusted({ $in: ks }) }).sort({ _id: 1 }).lean<StoredDoc[]>()).map(referenceFromDocument);
  }

  async listForRequest(requestId: string): Promise<StoredReference[]> {
    const k = asKey(requestId);
    if (k === undefined) return [];
    return (await this.model.find({ requestId: k }).sort({ _id: 1 }).lean<StoredDoc[]>()).map(referenceFromDocument);
  }

  async delete(key: string): Promise<void> {
    const k = asKey(key);
    if (k !== undefined) await this.model.deleteOne({ _id: k });
  }
}
