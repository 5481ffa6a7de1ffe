import { z } from 'zod';
import { FulfilmentCheckSchema, FulfilmentSchema, isClosed, NoticeSchema, PartnerCheckSchema, ReminderStateSchema, RequestSchema, subjectKey, type AuditEntry, type Fulfilment, type FulfilmentCheck, type Notice, type PartnerCheck, type PartnerRequest, type ReminderState, type RequestNotices } from '../../domain';
import { withoutUndefined } from './directory-documents';
import { StoreError } from './store-errors';

/**
 * How a request is laid out in either store: the whole PartnerRequest plus two derived fields the
 * stores index. Both stores use these helpers so that they enforce the same rules.
 */
export interface RequestIndexFields {
  /**
   * `subjectKey(subject)` while the request is open and `closed:<id>` once it is closed. A unique index
   * on it is what keeps "at most one open request per key" true under races, without a transaction.
   */
  openKey: string;
  /** The organization whose approval is awaited (pending requests only), for listAwaitingOrg. */
  awaitingOrgId: string | null;
}

export const OPEN_STATUSES = ['submitted', 'pending_approval'] as const;
/**
 * The statuses that hold their subject key: the open ones, and `completing` (issue 17: approved but not yet
 * shown in Partner Center), so the same link or relationship cannot be filed again while it is completed.
 */
export const KEY_HOLDING_STATUSES = [...OPEN_STATUSES, 'completing'] as const;

export function openKeyOf(r: PartnerRequest): string {
  return isClosed(r.status) && r.status !== 'completing' ? `closed:${r.id}` : subjectKey(r.subject);
}

export function awaitingOrgOf(r: PartnerRequest): string | null {
  return r.status === 'pending_approval' ? (r.steps[r.stage]?.orgId ?? null) : null;
}

export function requestIndexFields(r: PartnerRequest): RequestIndexFields {
  return { openKey: openKeyOf(r), awaitingOrgId: awaitingOrgOf(r) };
}

/** A new request as stored: the whole request, its ID as the document key, plus the index fields. */
export function requestToDocument(r: PartnerRequest): Record<string, unknown> {
  const { id, ...rest } = r;
  return { _id: id, ...withoutUndefined(rest), ...(r.fulfilment ? fulfilmentFields(r.fulfilment) : {}), ...requestIndexFields(r), notices: [], noticesRev: 0 };
}

/**
 * The fields a transition replaces: everything but the id (the document's key) and the audit trail,
 * which is only ever appended to so that an entry written concurrently is never overwritten.
 */
export function transitionFields(next: PartnerRequest): Record<string, unknown> {
  // Issue 17: `fulfilment` is written only by updateFulfilment (its own compare-and-set), never by a transition
  // read before it: an approval racing a fetched link would otherwise put the old state back.
  const { id: _id, audit: _audit, fulfilment: _fulfilment, ...state } = next;
  return { ...withoutUndefined(state), ...requestIndexFields(next) };
}

/** Back from a stored document (either store): validated, dates coerced, store-only fields dropped. */
export function requestFromDocument(doc: Record<string, unknown>): PartnerRequest {
  const { _id, openKey: _k, awaitingOrgId: _a, notices: _n, noticesRev: _r, fence: _f, fulfilmentDue: _d, ...rest } = doc;
  return RequestSchema.parse({ ...rest, id: _id });
}

/** Both stores check this before a transition: the next state must be exactly one version on. */
export function assertTransition(next: PartnerRequest, expectedVersion: number): void {
  if (next.version !== expectedVersion + 1) {
    throw new StoreError('TRANSITION_INVALID', `transition of ${next.id}: next.version must be ${expectedVersion + 1}, got ${next.version}`);
  }
}

/**
 * Issue 15: the filter of a reminder's compare-and-set: the version it was planned on and the number of
 * reminders recorded so far (none yet: the field is absent). Both stores use it.
 */
export function reminderFilter(expected: { version: number; count: number }): Record<string, unknown> {
  const version = Number.isInteger(expected.version) ? expected.version : -1;
  const count = Number.isInteger(expected.count) ? expected.count : -1;
  return count === 0 ? { version, reminders: { $exists: false } } : { version, 'reminders.count': count };
}

/**
 * Issue 15: the update that records a reminder: the reminder state set, the audit entry pushed and the
 * reminder's notice pushed onto the request's outbox (revision bumped), in one write that the reminder
 * filter guards, so a recorded reminder is always sent and never twice.
 */
export function reminderUpdate(reminders: ReminderState, entry: AuditEntry, notices: readonly Notice[] = []): Record<string, unknown> {
  const set = { reminders: reminderFields(reminders) };
  const checked = notices.map(checkedNotice);
  if (!checked.length) return { $set: set, $push: { audit: entry } };
  return { $set: set, $push: { audit: entry, notices: { $each: checked } }, $inc: { noticesRev: 1 } };
}

/** The reminder state as stored: validated (dates as dates), so nothing else reaches the document. */
/** Issue 15: an entry appended to the trail (a note, a hand-over) with its notices, in one write. */
export function appendUpdate(entry: AuditEntry, notices: readonly Notice[] = []): Record<string, unknown> {
  const checked = notices.map(checkedNotice);
  if (!checked.length) return { $push: { audit: entry } };
  return { $push: { audit: entry, notices: { $each: checked } }, $inc: { noticesRev: 1 } };
}

export function reminderFields(r: ReminderState): ReminderState {
  return ReminderStateSchema.parse(r);
}

/**
 * The update a transition makes, in both stores: the state replaced, the audit entry pushed, and the
 * notices the change asks for pushed onto the request's outbox with its revision bumped, all in the
 * one write that the version filter guards. Nothing else ever replaces `notices` but setNotices, which
 * is itself filtered on the revision, so neither can lose the other's write.
 */
export function transitionUpdate(next: PartnerRequest, entry: AuditEntry, notices: readonly Notice[] = []): Record<string, unknown> {
  const checked = notices.map(checkedNotice);
  if (!checked.length) return { $set: transitionFields(next), $push: { audit: entry } };
  return { $set: transitionFields(next), $push: { audit: entry, notices: { $each: checked } }, $inc: { noticesRev: 1 } };
}

const StoredNoticesSchema = z.object({ notices: z.array(NoticeSchema).optional(), noticesRev: z.number().int().min(0).optional() });

/** A request document's outbox (documents written before it existed have none). */
export function noticesFromDocument(doc: Record<string, unknown>): RequestNotices {
  const parsed = StoredNoticesSchema.parse({ notices: doc.notices, noticesRev: doc.noticesRev });
  return { rev: parsed.noticesRev ?? 0, notices: parsed.notices ?? [] };
}

/** The outbox as setNotices stores it (validated: it is written back whole). */
export function noticesToDocument(rev: number, notices: readonly Notice[]): { notices: Notice[]; noticesRev: number } {
  return { notices: notices.map(checkedNotice), noticesRev: rev + 1 };
}

function checkedNotice(n: Notice): Notice {
  const parsed = NoticeSchema.safeParse(n);
  if (!parsed.success) throw new StoreError('NOTICE_INVALID', `not a valid notice: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

// --- Issue 17: the Partner Center check of a request filed "not yet verified". ---

/** The filter of a check's compare-and-set (both stores): still pending with the attempts the caller read. */
export function partnerCheckFilter(expectedAttempts: number): Record<string, unknown> {
  const attempts = Number.isInteger(expectedAttempts) ? expectedAttempts : -1;
  return { 'partnerCheck.state': 'pending', 'partnerCheck.attempts': attempts };
}

/** The update that records a check (validated, dates as dates) and its audit entry, in one write. */
export function partnerCheckUpdate(check: PartnerCheck, entry?: AuditEntry): Record<string, unknown> {
  const set = { partnerCheck: withoutUndefined(PartnerCheckSchema.parse(check)) };
  return entry ? { $set: set, $push: { audit: entry } } : { $set: set };
}

/** Issue 17: the update that records a completing request's last question to Partner Center (validated). */
export function fulfilmentCheckUpdate(check: FulfilmentCheck): Record<string, unknown> {
  return { $set: { fulfilmentCheck: withoutUndefined(FulfilmentCheckSchema.parse(check)) } };
}

// --- Issue 17: an add-partner request's fulfilment (relationship link, GDAP). ---

/** The statuses whose fulfilment may still be written: waiting for the customer's approval, or completing. */
export const FULFILMENT_STATUSES = ['pending_approval', 'completing'] as const;

/** Whether the fulfilment schedule still has something to fetch or create for it (a store-only index field). */
export const fulfilmentDue = (f: Fulfilment): boolean => f.link === 'pending' || f.gdap?.state === 'pending';

/** The stored fields of a fulfilment: validated, undefined members left out, and its due flag. */
export function fulfilmentFields(f: Fulfilment): { fulfilment: Record<string, unknown>; fulfilmentDue: boolean } {
  const parsed = FulfilmentSchema.parse(f);
  const { gdap, ...rest } = parsed;
  return { fulfilment: { ...withoutUndefined(rest), ...(gdap ? { gdap: withoutUndefined(gdap) } : {}) }, fulfilmentDue: fulfilmentDue(parsed) };
}

/** The filter of a fulfilment write's compare-and-set (both stores): the revision the caller read (0: none stored). */
export function fulfilmentFilter(expectedRev: number): Record<string, unknown> {
  const rev = Number.isInteger(expectedRev) ? expectedRev : -1;
  return rev === 0 ? { fulfilment: { $exists: false } } : { 'fulfilment.rev': rev };
}

/** The update that stores a fulfilment and the notices it asks for (outbox revision bumped), in one write. */
export function fulfilmentUpdate(f: Fulfilment, notices: readonly Notice[] = []): Record<string, unknown> {
  const set = fulfilmentFields(f);
  const checked = notices.map(checkedNotice);
  if (!checked.length) return { $set: set };
  return { $set: set, $push: { notices: { $each: checked } }, $inc: { noticesRev: 1 } };
}
