import { trusted, type Model } from 'mongoose';
import {
  REQUEST_STATUSES,
  subjectKey,
  type AuditEntry,
  type CreateOutcome,
  type Fulfilment,
  type Notice,
  type FulfilmentCheck,
  type PartnerCheck,
  type RequestNotices,
  type PartnerRequest,
  type ReminderState,
  type RequestRepositoryPort,
  type RequestStatus,
  type TransitionOutcome,
} from '../../domain';
import {
  asAuditIndex,
  asKey,
  asKeys,
  asLimit,
  assertTransition,
  FULFILMENT_STATUSES,
  fulfilmentFilter,
  fulfilmentUpdate,
  noticesFromDocument,
  noticesToDocument,
  isDate,
  KEY_HOLDING_STATUSES,
  OPEN_STATUSES,
  fulfilmentCheckUpdate,
  partnerCheckFilter,
  partnerCheckUpdate,
  reminderUpdate,
  appendUpdate,
  reminderFilter,
  requestFromDocument,
  requestToDocument,
  StoreError,
  transitionUpdate,
} from '../store-common';
import type { StoredDoc } from './models';
import { isDuplicateKey } from './mongo-errors';
import { fencedUpdateOne, type WriteLocks } from './write-locks';

const DEFAULT_LIST_LIMIT = 50;
const open = () => trusted({ $in: [...OPEN_STATUSES] });
const holdingKey = () => trusted({ $in: [...KEY_HOLDING_STATUSES] });
const lockName = (id: string) => `request:${id}`;

/**
 * Requests in MongoDB without multi-document transactions: creating is one insert guarded by the
 * unique `openKey` index; a transition is one updateOne filtered on the expected version, with the
 * audit entry `$push`ed (never the array overwritten). Every update runs under the record's write lock
 * because FerretDB does not apply a filtered update atomically, fenced by the lock's token so that a
 * writer whose lock was taken over is refused (see write-locks.ts).
 */
export class MongoRequests implements RequestRepositoryPort {
  constructor(
    private readonly model: Model<StoredDoc>,
    private readonly locks: WriteLocks,
  ) {}

  async create(request: PartnerRequest): Promise<CreateOutcome> {
    const doc = requestToDocument(request);
    // Retried because the open request that blocked us may close between our insert and our lookup.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.create(doc);
        return { created: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const existing = await this.findOpenByKey(subjectKey(request.subject));
        if (existing) return { created: false, existingId: existing.id };
        if (await this.get(request.id)) throw new StoreError('REQUEST_ID_TAKEN', `A request with ID ${request.id} already exists.`, { cause: err });
      }
    }
    throw new StoreError('REQUEST_KEY_CONTENDED', `Could not store request ${request.id}: its subject key kept changing hands.`);
  }

  async get(id: string): Promise<PartnerRequest | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.model.findById(k).lean<StoredDoc>();
    return doc ? requestFromDocument(doc) : undefined;
  }

  async findOpenByKey(key: string): Promise<PartnerRequest | undefined> {
    const k = asKey(key);
    const doc = k === undefined ? null : await this.model.findOne({ openKey: k, status: holdingKey() }).lean<StoredDoc>();
    return doc ? requestFromDocument(doc) : undefined;
  }

  async findOpenByKeys(keys: readonly string[]): Promise<PartnerRequest[]> {
    const ks = asKeys(keys);
    if (ks.length === 0) return [];
    // Our own operator over checked strings, so trusted: unmarked, sanitizeFilter casts it to a string.
    const docs = await this.model.find({ openKey: trusted({ $in: ks }), status: holdingKey() }).lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }

  async listByRequester(personId: string, opts?: { limit?: number }): Promise<PartnerRequest[]> {
    const k = asKey(personId);
    if (k === undefined) return [];
    const docs = await this.model
      .find({ 'requester.personId': k })
      .sort({ createdAt: -1, _id: 1 })
      .limit(asLimit(opts?.limit, DEFAULT_LIST_LIMIT))
      .lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }

  async listAwaitingOrg(orgId: string): Promise<PartnerRequest[]> {
    const k = asKey(orgId);
    if (k === undefined) return [];
    const docs = await this.model.find({ awaitingOrgId: k }).sort({ createdAt: 1, _id: 1 }).lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }

  async listAwaiting(): Promise<PartnerRequest[]> {
    // A range scan of the { awaitingOrgId, createdAt } index, in its order (no sort in memory); null is outside it.
    const docs = await this.model.find({ awaitingOrgId: trusted({ $gt: '' }) }).sort({ awaitingOrgId: 1, createdAt: 1 }).lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }

  async listExpired(now: Date): Promise<PartnerRequest[]> {
    if (!isDate(now)) return [];
    const docs = await this.model
      .find({ status: open(), expiresAt: trusted({ $lt: now }) })
      .sort({ expiresAt: 1, _id: 1 })
      .lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }

  async transition(next: PartnerRequest, expectedVersion: number, entry: AuditEntry, notices?: readonly Notice[]): Promise<TransitionOutcome> {
    assertTransition(next, expectedVersion);
    try {
      return await this.locks.with(lockName(next.id), async (hold) => {
        const res = await fencedUpdateOne(hold, this.model, next.id, { version: expectedVersion }, transitionUpdate(next, entry, notices));
        return res.matchedCount === 1 ? 'ok' : 'conflict';
      });
    } catch (err) {
      // Re-opening onto a subject key that another open request holds: the store says no.
      if (isDuplicateKey(err)) return 'conflict';
      throw err;
    }
  }

  async recordReminder(id: string, expected: { version: number; count: number }, reminders: ReminderState, entry: AuditEntry, notices?: readonly Notice[]): Promise<TransitionOutcome> {
    const k = asKey(id);
    if (k === undefined) return 'conflict';
    const filter = reminderFilter(expected);
    // Our own operator ($exists) over checked values, so trusted; under the record's lock (FerretDB).
    const trustedFilter = 'reminders' in filter ? { ...filter, reminders: trusted(filter.reminders) } : filter;
    return this.locks.with(lockName(k), async (hold) => {
      const res = await fencedUpdateOne(hold, this.model, k, trustedFilter, reminderUpdate(reminders, entry, notices));
      return res.matchedCount === 1 ? 'ok' : 'conflict';
    });
  }

  async appendAudit(id: string, entry: AuditEntry, notices?: readonly Notice[]): Promise<void> {
    const k = asKey(id);
    if (k === undefined) return;
    await this.locks.with(lockName(k), (hold) => fencedUpdateOne(hold, this.model, k, {}, appendUpdate(entry, notices)));
  }

  async getNotices(id: string): Promise<RequestNotices | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.model.findById(k, { notices: 1, noticesRev: 1 }).lean<StoredDoc>();
    return doc ? noticesFromDocument(doc) : undefined;
  }

  async setNotices(id: string, rev: number, notices: readonly Notice[]): Promise<boolean> {
    const k = asKey(id);
    if (k === undefined || !Number.isInteger(rev)) return false;
    // A document from before the outbox existed has no revision: it counts as 0.
    const revFilter = rev === 0 ? { $or: [{ noticesRev: 0 }, { noticesRev: trusted({ $exists: false }) }] } : { noticesRev: rev };
    const res = await this.locks.with(lockName(k), (hold) => fencedUpdateOne(hold, this.model, k, revFilter, { $set: noticesToDocument(rev, notices) }));
    return res.matchedCount === 1;
  }

  async listNoticesDue(now: Date, limit?: number): Promise<string[]> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) return [];
    const docs = await this.model
      .find({ 'notices.nextAt': trusted({ $lte: now }) }, { _id: 1 })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_LIST_LIMIT))
      .lean<StoredDoc[]>();
    return docs.map((d) => d._id);
  }

  async countRepeatedAttempt(id: string, index: number, at: Date): Promise<void> {
    const k = asKey(id);
    const i = asAuditIndex(index);
    if (k === undefined || i === undefined || !isDate(at)) return;
    await this.locks.with(lockName(k), (hold) =>
      fencedUpdateOne(hold, this.model, k, {}, { $inc: { [`audit.${i}.repeats`]: 1 }, $set: { [`audit.${i}.lastRepeatAt`]: at } }),
    );
  }

  async countByStatus(): Promise<Partial<Record<RequestStatus, number>>> {
    // One count per status rather than an aggregation: plain counts work the same on every server.
    const counts = await Promise.all(REQUEST_STATUSES.map(async (status) => [status, await this.model.countDocuments({ status })] as const));
    return Object.fromEntries(counts.filter(([, n]) => n > 0));
  }

  async listCompleting(limit = 100): Promise<PartnerRequest[]> {
    const docs = await this.model.find({ status: 'completing' }).sort({ updatedAt: 1, _id: 1 }).limit(limit).lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }
  // Issue 17: the Partner Center check of requests filed "not yet verified".
  async listPartnerChecksDue(now: Date, limit?: number): Promise<PartnerRequest[]> {
    if (!isDate(now)) return [];
    const docs = await this.model
      .find({ status: open(), 'partnerCheck.state': 'pending', 'partnerCheck.nextAt': trusted({ $lte: now }) })
      .sort({ 'partnerCheck.nextAt': 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_LIST_LIMIT))
      .lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }

  async updatePartnerCheck(id: string, expectedAttempts: number, check: PartnerCheck, entry?: AuditEntry): Promise<TransitionOutcome> {
    const k = asKey(id);
    if (k === undefined) return 'conflict';
    // Under the record's lock, as every update here (FerretDB applies a filtered update non-atomically).
    return this.locks.with(lockName(k), async (hold) => {
      const res = await fencedUpdateOne(hold, this.model, k, { status: open(), ...partnerCheckFilter(expectedAttempts) }, partnerCheckUpdate(check, entry));
      return res.matchedCount === 1 ? 'ok' : 'conflict';
    });
  }

  async recordFulfilmentCheck(id: string, check: FulfilmentCheck): Promise<boolean> {
    const k = asKey(id);
    if (k === undefined) return false;
    // Under the record's lock, as every update here (FerretDB applies a filtered update non-atomically).
    const res = await this.locks.with(lockName(k), (hold) => fencedUpdateOne(hold, this.model, k, { status: 'completing' }, fulfilmentCheckUpdate(check)));
    return res.matchedCount === 1;
  }

  // Issue 17: an add-partner request's fulfilment (relationship link, GDAP).
  async updateFulfilment(id: string, expectedRev: number, fulfilment: Fulfilment, notices?: readonly Notice[]): Promise<TransitionOutcome> {
    const k = asKey(id);
    if (k === undefined || fulfilment.rev !== expectedRev + 1) return 'conflict';
    const revFilter = fulfilmentFilter(expectedRev);
    // Our own operators ($in, $exists) over checked values, so trusted; under the record's lock (FerretDB).
    const filter = { status: trusted({ $in: [...FULFILMENT_STATUSES] }), ...('fulfilment' in revFilter ? { fulfilment: trusted(revFilter.fulfilment) } : revFilter) };
    return this.locks.with(lockName(k), async (hold) => {
      const res = await fencedUpdateOne(hold, this.model, k, filter, fulfilmentUpdate(fulfilment, notices));
      return res.matchedCount === 1 ? 'ok' : 'conflict';
    });
  }

  async listFulfilmentDue(limit?: number): Promise<PartnerRequest[]> {
    const docs = await this.model
      .find({ status: trusted({ $in: [...FULFILMENT_STATUSES] }), fulfilmentDue: true })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_LIST_LIMIT))
      .lean<StoredDoc[]>();
    return docs.map(requestFromDocument);
  }
}
