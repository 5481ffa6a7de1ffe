import { trusted, type Model } from 'mongoose';
import type { InboxEvent, ProcessedEventPort } from '../../domain';
import { asDate, asKey, asLimit, DEFAULT_PENDING_LIMIT, deadReasonOf, DROPPED_PAYLOAD, eventFromDocument, newEventDocument } from '../store-common';
import type { StoredDoc } from './models';
import { isDuplicateKey } from './mongo-errors';
import type { WriteLocks } from './write-locks';

/** Due at `now`: its due time has come (a record without one, `null` matching a missing field: its receipt time). */
const dueBy = (now: Date) => ({ $or: [{ dueAt: trusted({ $lte: now }) }, { dueAt: null, receivedAt: trusted({ $lte: now }) }] });

/**
 * The durable inbox: claiming is one insert keyed by the event ID (atomic on every server). Completing,
 * moving aside and counting attempts change the same document, so they share its write lock: on
 * FerretDB an unlocked `$inc` could write back a stale status.
 */
export class MongoEvents implements ProcessedEventPort {
  constructor(
    private readonly model: Model<StoredDoc>,
    private readonly locks: WriteLocks,
  ) {}

  async claim(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date, opts: { dueAt?: Date } = {}): Promise<'new' | 'duplicate'> {
    if (asKey(event.id) === undefined) throw new TypeError('An inbox event needs a string ID.');
    try {
      await this.model.create(newEventDocument(event, now, opts.dueAt));
      return 'new';
    } catch (err) {
      if (isDuplicateKey(err)) return 'duplicate';
      throw err;
    }
  }

  async complete(id: string, now: Date, opts: { dropPayload?: boolean } = {}): Promise<void> {
    const k = asKey(id);
    if (k === undefined) return;
    const set = { status: 'done', completedAt: now, ...(opts.dropPayload ? { payload: DROPPED_PAYLOAD } : {}) };
    await this.locks.with(`event:${k}`, () => this.model.updateOne({ _id: k }, { $set: set }));
  }

  async markDead(id: string, now: Date, reason: string): Promise<void> {
    const k = asKey(id);
    if (k === undefined) return;
    const set = { status: 'dead', completedAt: now, deadReason: deadReasonOf(reason) };
    await this.locks.with(`event:${k}`, () => this.model.updateOne({ _id: k, status: 'pending' }, { $set: set }));
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
    const res = await this.model.deleteMany({ source: s, status, completedAt: trusted({ $lt: b }) });
    return res.deletedCount;
  }

  async get(id: string): Promise<InboxEvent | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.model.findById(k).lean<StoredDoc>();
    return doc ? eventFromDocument(doc) : undefined;
  }

  async listDue(source: string, now: Date, limit?: number): Promise<InboxEvent[]> {
    const s = asKey(source);
    const n = asDate(now);
    if (s === undefined || !n) return [];
    const docs = await this.model
      .find({ source: s, status: 'pending', ...dueBy(n) })
      .sort({ dueAt: 1, receivedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_PENDING_LIMIT))
      .lean<StoredDoc[]>();
    return docs.map(eventFromDocument);
  }

  async listDead(source?: string, limit?: number): Promise<InboxEvent[]> {
    const s = source === undefined ? undefined : asKey(source);
    if (source !== undefined && s === undefined) return [];
    const docs = await this.model
      .find({ status: 'dead', ...(s !== undefined ? { source: s } : {}) })
      .sort({ completedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_PENDING_LIMIT))
      .lean<StoredDoc[]>();
    return docs.map(eventFromDocument);
  }

  async reschedule(id: string, dueAt: Date): Promise<void> {
    const k = asKey(id);
    const d = asDate(dueAt);
    if (k === undefined || !d) return;
    await this.locks.with(`event:${k}`, () => this.model.updateOne({ _id: k, status: 'pending' }, { $set: { dueAt: d } }));
  }

  async takeOver(id: string, now: Date, until: Date): Promise<boolean> {
    const k = asKey(id);
    if (k === undefined || !(now instanceof Date) || !(until instanceof Date)) return false;
    // Under the event's write lock: on FerretDB a filtered updateOne is not atomic by itself.
    // `null` matches a missing field; the filter sanitizer walks into $or and keeps what is trusted.
    const free = [{ leasedUntil: null }, { leasedUntil: trusted({ $lt: now }) }];
    const res = await this.locks.with(`event:${k}`, () => this.model.updateOne({ _id: k, status: 'pending', $or: free }, { $set: { leasedUntil: until } }));
    return res.modifiedCount === 1;
  }

  async recordAttempt(id: string): Promise<number> {
    const k = asKey(id);
    if (k === undefined) return 0;
    const doc = await this.locks.with(`event:${k}`, () =>
      this.model.findOneAndUpdate({ _id: k }, { $inc: { attempts: 1 } }, { returnDocument: 'after' }).lean<StoredDoc>(),
    );
    return typeof doc?.attempts === 'number' ? doc.attempts : 0;
  }
}
