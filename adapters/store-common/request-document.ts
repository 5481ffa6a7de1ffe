import { isClosed, ReminderStateSchema, RequestSchema, subjectKey, type PartnerRequest, type ReminderState } from '../../domain';
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

export function openKeyOf(r: PartnerRequest): string {
  return isClosed(r.status) ? `closed:${r.id}` : subjectKey(r.subject);
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
  return { _id: id, ...withoutUndefined(rest), ...requestIndexFields(r) };
}

/**
 * The fields a transition replaces: everything but the id (the document's key) and the audit trail,
 * which is only ever appended to so that an entry written concurrently is never overwritten.
 */
export function transitionFields(next: PartnerRequest): Record<string, unknown> {
  const { id: _id, audit: _audit, ...state } = next;
  return { ...withoutUndefined(state), ...requestIndexFields(next) };
}

/** Back from a stored document (either store): validated, dates coerced, store-only fields dropped. */
export function requestFromDocument(doc: Record<string, unknown>): PartnerRequest {
  const { _id, openKey: _k, awaitingOrgId: _a, ...rest } = doc;
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

/** The reminder state as stored: validated (dates as dates), so nothing else reaches the document. */
export function reminderFields(r: ReminderState): ReminderState {
  return ReminderStateSchema.parse(r);
}
