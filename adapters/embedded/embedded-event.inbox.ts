import type { InboxEvent, ProcessedEventPort } from '../../domain';
import { asDate, asKey, asLimit, DEFAULT_PENDING_LIMIT, deadReasonOf, DROPPED_PAYLOAD, eventFromDocument, newEventDocument } from '../store-common';
import { uniqueViolation, type Collection, type NedbDoc } from './nedb-collections';

/** Due at `now`: its due time has come (a record without one: its receipt time). */
const dueBy = (now: Date) => ({ $or: [{ dueAt: { $lte: now } }, { dueAt: { $exists: false }, receivedAt: { $lte: now } }] });

/** The durable inbox: claiming is an insert keyed by the event ID, so a second delivery is a duplicate. */
export class EmbeddedEvents implements ProcessedEventPort {
  constructor(private readonly ds: Collection) {}

  async claim(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date, opts: { dueAt?: Date } = {}): Promise<'new' | 'duplicate'> {
    if (asKey(event.id) === undefined) throw new TypeError('An inbox event needs a string ID.');
    try {
      await this.ds.insertAsync(newEventDocument(event, now, opts.dueAt) as NedbDoc);
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

  async markDead(id: string, now: Date, reason: string): Promise<void> {
    const k = asKey(id);
    if (k !== undefined) await this.ds.updateAsync({ _id: k, status: 'pending' }, { $set: { status: 'dead', completedAt: now, deadReason: deadReasonOf(reason) } }, {});
  }

  async pruneDone(source: string, before: Date): Promise<number> {
    return this.prune(source, 'done', before);
  }

  async pruneDead(source: string, before: Date): Promise<number> {
    return this.prune(source, 'dead', before);
  }

  private async prune(source: string, status: 'done' | 'dead', before: Date): Promise<number> {
    const s = asKey(source);
    const b = asDate(before);
    if (s === undefined || !b) return 0;
    return this.ds.removeAsync({ source: s, status, completedAt: { $lt: b } }, { multi: true });
  }

  async get(id: string): Promise<InboxEvent | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ _id: k });
    return doc ? eventFromDocument(doc) : undefined;
  }

  async listDue(source: string, now: Date, limit?: number): Promise<InboxEvent[]> {
    const s = asKey(source);
    const n = asDate(now);
    if (s === undefined || !n) return [];
    const docs = await this.ds
      .findAsync({ source: s, status: 'pending', ...dueBy(n) })
      .sort({ dueAt: 1, receivedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_PENDING_LIMIT));
    return docs.map(eventFromDocument);
  }

  async listDead(source?: string, limit?: number): Promise<InboxEvent[]> {
    const s = source === undefined ? undefined : asKey(source);
    if (source !== undefined && s === undefined) return [];
    const docs = await this.ds
      .findAsync({ status: 'dead', ...(s !== undefined ? { source: s } : {}) })
      .sort({ completedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_PENDING_LIMIT));
    return docs.map(eventFromDocument);
  }

  async reschedule(id: string, dueAt: Date): Promise<void> {
    const k = asKey(id);
    const d = asDate(dueAt);
    if (k !== undefined && d) await this.ds.updateAsync({ _id: k, status: 'pending' }, { $set: { dueAt: d } }, {});
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
