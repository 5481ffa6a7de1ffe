import type { InboxEvent, ProcessedEventPort } from '../../domain';
import { asKey, asLimit, DEFAULT_PENDING_LIMIT, DROPPED_PAYLOAD, eventFromDocument, newEventDocument } from '../store-common';
import { uniqueViolation, type Collection, type NedbDoc } from './nedb-collections';

/** The durable inbox: claiming is an insert keyed by the event ID, so a second delivery is a duplicate. */
export class EmbeddedEvents implements ProcessedEventPort {
  constructor(private readonly ds: Collection) {}

  async claim(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date): Promise<'new' | 'duplicate'> {
    if (asKey(event.id) === undefined) throw new TypeError('An inbox event needs a string ID.');
    try {
      await this.ds.insertAsync(newEventDocument(event, now) as NedbDoc);
      return 'new';
    } catch (err) {
      if (uniqueViolation(err)) return 'duplicate';
      throw err;
    }
  }

  async complete(id: string, now: Date, opts: { dropPayload?: boolean } = {}): Promise<void> {
    const k = asKey(id);
    if (k !== undefined) await this.ds.updateAsync({ _id: k }, { $set: { status: 'done', completedAt: now, ...(opts.dropPayload ? { payload: DROPPED_PAYLOAD } : {}) } }, {});
  }

  async pruneDone(source: string, before: Date): Promise<number> {
    const s = asKey(source);
    if (s === undefined || !(before instanceof Date)) return 0;
    return this.ds.removeAsync({ source: s, status: 'done', completedAt: { $lt: before } }, { multi: true });
  }

  async get(id: string): Promise<InboxEvent | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ _id: k });
    return doc ? eventFromDocument(doc) : undefined;
  }

  async listPending(olderThan: Date, limit?: number): Promise<InboxEvent[]> {
    if (!(olderThan instanceof Date)) return [];
    const docs = await this.ds
      .findAsync({ status: 'pending', receivedAt: { $lt: olderThan } })
      .sort({ receivedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_PENDING_LIMIT));
    return docs.map(eventFromDocument);
  }

  async takeOver(id: string, now: Date, until: Date): Promise<boolean> {
    const k = asKey(id);
    if (k === undefined || !(now instanceof Date) || !(until instanceof Date)) return false;
    // One operation at a time in nedb: the check and the write are one step.
    const free = { $or: [{ leasedUntil: { $exists: false } }, { leasedUntil: { $lt: now } }] };
    const { numAffected } = await this.ds.updateAsync({ _id: k, status: 'pending', ...free }, { $set: { leasedUntil: until } }, {});
    return numAffected === 1;
  }

  async recordAttempt(id: string): Promise<number> {
    const k = asKey(id);
    if (k === undefined) return 0;
    const { affectedDocuments } = await this.ds.updateAsync({ _id: k }, { $inc: { attempts: 1 } }, { returnUpdatedDocs: true });
    const attempts = (affectedDocuments as { attempts?: unknown } | null)?.attempts;
    return typeof attempts === 'number' ? attempts : 0;
  }
}
