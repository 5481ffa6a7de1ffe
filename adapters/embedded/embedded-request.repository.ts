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
import { uniqueViolation, type Collection, type NedbDoc } from './nedb-collections';

const DEFAULT_LIST_LIMIT = 50;
const OPEN = { $in: [...OPEN_STATUSES] };
const HOLDING_KEY = { $in: [...KEY_HOLDING_STATUSES] };

/**
 * Requests in nedb. nedb runs one operation at a time per collection, so an update whose query names
 * the expected version is a true compare-and-set, and `$push` never loses a concurrent audit entry.
 */
export class EmbeddedRequests implements RequestRepositoryPort {
  constructor(private readonly ds: Collection) {}

  async create(request: PartnerRequest): Promise<CreateOutcome> {
    const doc = requestToDocument(request) as NedbDoc;
    // Retried because the open request that blocked us may close between our insert and our lookup.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.ds.insertAsync(doc);
        return { created: true };
      } catch (err) {
        if (!uniqueViolation(err)) throw err;
        const open = await this.findOpenByKey(subjectKey(request.subject));
        if (open) return { created: false, existingId: open.id };
        if (await this.get(request.id)) throw new StoreError('REQUEST_ID_TAKEN', `A request with ID ${request.id} already exists.`, { cause: err });
      }
    }
    throw new StoreError('REQUEST_KEY_CONTENDED', `Could not store request ${request.id}: its subject key kept changing hands.`);
  }

  async get(id: string): Promise<PartnerRequest | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ _id: k });
    return doc ? requestFromDocument(doc) : undefined;
  }

  async findOpenByKey(key: string): Promise<PartnerRequest | undefined> {
    const k = asKey(key);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ openKey: k, status: HOLDING_KEY });
    return doc ? requestFromDocument(doc) : undefined;
  }

  async findOpenByKeys(keys: readonly string[]): Promise<PartnerRequest[]> {
    const ks = asKeys(keys);
    if (ks.length === 0) return [];
    const docs = await this.ds.findAsync({ openKey: { $in: ks }, status: HOLDING_KEY });
    return docs.map(requestFromDocument);
  }

  async listByRequester(personId: string, opts?: { limit?: number }): Promise<PartnerRequest[]> {
    const k = asKey(personId);
    if (k === undefined) return [];
    const docs = await this.ds
      .findAsync({ 'requester.personId': k })
      .sort({ createdAt: -1, _id: 1 })
      .limit(asLimit(opts?.limit, DEFAULT_LIST_LIMIT));
    return docs.map(requestFromDocument);
  }

  async listAwaitingOrg(orgId: string): Promise<PartnerRequest[]> {
    const k = asKey(orgId);
    if (k === undefined) return [];
    const docs = await this.ds.findAsync({ awaitingOrgId: k }).sort({ createdAt: 1, _id: 1 });
    return docs.map(requestFromDocument);
  }

  async listAwaiting(): Promise<PartnerRequest[]> {
    // A range on the indexed field (every ID is a non-empty string; null, for requests awaiting nobody, is not in it).
    const docs = await this.ds.findAsync({ awaitingOrgId: { $gt: '' } }).sort({ awaitingOrgId: 1, createdAt: 1, _id: 1 });
    return docs.map(requestFromDocument);
  }

  async listExpired(now: Date): Promise<PartnerRequest[]> {
    if (!isDate(now)) return [];
    const docs = await this.ds.findAsync({ status: OPEN, expiresAt: { $lt: now } }).sort({ expiresAt: 1, _id: 1 });
    return docs.map(requestFromDocument);
  }

  async transition(next: PartnerRequest, expectedVersion: number, entry: AuditEntry, notices?: readonly Notice[]): Promise<TransitionOutcome> {
    assertTransition(next, expectedVersion);
    try {
      const { numAffected } = await this.ds.updateAsync({ _id: next.id, version: expectedVersion }, transitionUpdate(next, entry, notices), {});
      return numAffected === 1 ? 'ok' : 'conflict';
    } catch (err) {
      // Re-opening onto a subject key that another open request holds: the store says no.
      if (uniqueViolation(err)) return 'conflict';
      throw err;
    }
  }

  async recordReminder(id: string, expected: { version: number; count: number }, reminders: ReminderState, entry: AuditEntry, notices?: readonly Notice[]): Promise<TransitionOutcome> {
    const k = asKey(id);
    if (k === undefined) return 'conflict';
    const { numAffected } = await this.ds.updateAsync(
      { _id: k, ...reminderFilter(expected) },
      reminderUpdate(reminders, entry, notices),
      {},
    );
    return numAffected === 1 ? 'ok' : 'conflict';
  }

  async appendAudit(id: string, entry: AuditEntry, notices?: readonly Notice[]): Promise<void> {
    const k = asKey(id);
    if (k === undefined) return;
    await this.ds.updateAsync({ _id: k }, appendUpdate(entry, notices), {});
  }

  async getNotices(id: string): Promise<RequestNotices | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.ds.findOneAsync({ _id: k }, { notices: 1, noticesRev: 1 });
    return doc ? noticesFromDocument(doc) : undefined;
  }

  async setNotices(id: string, rev: number, notices: readonly Notice[]): Promise<boolean> {
    const k = asKey(id);
    if (k === undefined || !Number.isInteger(rev)) return false;
    // A document from before the outbox existed has no revision: it counts as 0.
    const revFilter = rev === 0 ? { $or: [{ noticesRev: 0 }, { noticesRev: { $exists: false } }] } : { noticesRev: rev };
    const { numAffected } = await this.ds.updateAsync({ _id: k, ...revFilter }, { $set: noticesToDocument(rev, notices) }, {});
    return numAffected === 1;
  }

  async listNoticesDue(now: Date, limit?: number): Promise<string[]> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) return [];
    const docs = await this.ds
      .findAsync({ 'notices.nextAt': { $lte: now } }, { _id: 1 })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_LIST_LIMIT));
    return docs.map((d) => String(d._id));
  }

  async countRepeatedAttempt(id: string, index: number, at: Date): Promise<void> {
    const k = asKey(id);
    const i = asAuditIndex(index);
    if (k === undefined || i === undefined || !isDate(at)) return;
    await this.ds.updateAsync({ _id: k }, { $inc: { [`audit.${i}.repeats`]: 1 }, $set: { [`audit.${i}.lastRepeatAt`]: at } }, {});
  }

  async countByStatus(): Promise<Partial<Record<RequestStatus, number>>> {
    const counts = await Promise.all(REQUEST_STATUSES.map(async (status) => [status, await this.ds.countAsync({ status })] as const));
    return Object.fromEntries(counts.filter(([, n]) => n > 0));
  }

  async listCompleting(limit = 100): Promise<PartnerRequest[]> {
    const docs = await this.ds.findAsync({ status: 'completing' }).sort({ updatedAt: 1, _id: 1 }).limit(limit);
    return docs.map(requestFromDocument);
  }
  // Issue 17: the Partner Center check of requests filed "not yet verified".
  async listPartnerChecksDue(now: Date, limit?: number): Promise<PartnerRequest[]> {
    if (!isDate(now)) return [];
    const docs = await this.ds
      .findAsync({ status: OPEN, 'partnerCheck.state': 'pending', 'partnerCheck.nextAt': { $lte: now } })
      .sort({ 'partnerCheck.nextAt': 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_LIST_LIMIT));
    return docs.map(requestFromDocument);
  }

  async updatePartnerCheck(id: string, expectedAttempts: number, check: PartnerCheck, entry?: AuditEntry): Promise<TransitionOutcome> {
    const k = asKey(id);
    if (k === undefined) return 'conflict';
    const { numAffected } = await this.ds.updateAsync({ _id: k, status: OPEN, ...partnerCheckFilter(expectedAttempts) }, partnerCheckUpdate(check, entry), {});
    return numAffected === 1 ? 'ok' : 'conflict';
  }

  async recordFulfilmentCheck(id: string, check: FulfilmentCheck): Promise<boolean> {
    const k = asKey(id);
    if (k === undefined) return false;
    const { numAffected } = await this.ds.updateAsync({ _id: k, status: 'completing' }, fulfilmentCheckUpdate(check), {});
    return numAffected === 1;
  }

  // Issue 17: an add-partner request's fulfilment (relationship link, GDAP).
  async updateFulfilment(id: string, expectedRev: number, fulfilment: Fulfilment, notices?: readonly Notice[]): Promise<TransitionOutcome> {
    const k = asKey(id);
    if (k === undefined || fulfilment.rev !== expectedRev + 1) return 'conflict';
    const filter = { _id: k, status: { $in: [...FULFILMENT_STATUSES] }, ...fulfilmentFilter(expectedRev) };
    const { numAffected } = await this.ds.updateAsync(filter, fulfilmentUpdate(fulfilment, notices), {});
    return numAffected === 1 ? 'ok' : 'conflict';
  }

  async listFulfilmentDue(limit?: number): Promise<PartnerRequest[]> {
    const docs = await this.ds
      .findAsync({ status: { $in: [...FULFILMENT_STATUSES] }, fulfilmentDue: true })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(asLimit(limit, DEFAULT_LIST_LIMIT));
    return docs.map(requestFromDocument);
  }
}
