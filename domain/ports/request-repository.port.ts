import type { Notice, RequestNotices } from '../notices';
import type { AuditEntry, Fulfilment, FulfilmentCheck, PartnerCheck, PartnerRequest, ReminderState, RequestStatus } from '../request';

export type CreateOutcome = { created: true } | { created: false; existingId: string };
export type TransitionOutcome = 'ok' | 'conflict';

/**
 * Requests and their audit trail. Every state change is a compare-and-set on the version the caller
 * read, so two instances (or two admins) racing on one request cannot both win.
 */
export interface RequestRepositoryPort {
  /**
   * Stores a new request, unless another open request has the same subject key: at most one open
   * request per key is enforced by the store itself (unique index), not by a read-then-write.
   */
  create(request: PartnerRequest): Promise<CreateOutcome>;
  get(id: string): Promise<PartnerRequest | undefined>;
  /** The request holding this subject key, if any: open (submitted or pending) or completing in Partner Center. */
  findOpenByKey(key: string): Promise<PartnerRequest | undefined>;
  /** The requests holding any of these subject keys (as findOpenByKey), in one query (eligibility checks many candidates). */
  findOpenByKeys(keys: readonly string[]): Promise<PartnerRequest[]>;
  listByRequester(personId: string, opts?: { limit?: number }): Promise<PartnerRequest[]>;
  /** Pending requests whose current approval step belongs to this organization. */
  listAwaitingOrg(orgId: string): Promise<PartnerRequest[]>;
  /**
   * Issue 19: every pending request whose current approval step belongs to some organization, in one
   * indexed query (the reminder schedule; it used to ask once per organization in the directory).
   * Ordered by that organization's ID, then by creation.
   */
  listAwaiting(): Promise<PartnerRequest[]>;
  /** Open requests whose expiry has passed. */
  listExpired(now: Date): Promise<PartnerRequest[]>;
  /**
   * Replaces the request with `next` only if its stored version is still `expectedVersion`.
   * `next.version` must be `expectedVersion + 1`, and next.audit must extend the stored audit by `entry`.
   * `notices` (what people must be told about it) are added to the request's outbox in the same write:
   * the change and its notifications are stored together or not at all.
   */
  transition(next: PartnerRequest, expectedVersion: number, entry: AuditEntry, notices?: readonly Notice[]): Promise<TransitionOutcome>;
  /**
   * Issue 15: records a reminder (sets `reminders`, appends `entry`) only if the stored request still has
   * version `expectedVersion` and `expectedCount` reminders so far (0: none). Exactly one of several
   * instances racing to send the same reminder gets 'ok'. The version is not changed. `notices` (the
   * reminder's notice) go onto the request's outbox in the same write.
   */
  recordReminder(id: string, expected: { version: number; count: number }, reminders: ReminderState, entry: AuditEntry, notices?: readonly Notice[]): Promise<TransitionOutcome>;
  /** The request's outbox: its pending notices and their revision (undefined: no such request). */
  getNotices(id: string): Promise<RequestNotices | undefined>;
  /**
   * Replaces the request's pending notices only if their revision is still `rev` (a transition that adds
   * notices bumps it too, so this never drops one written meanwhile, and never touches the request's
   * state or version). True when it was written.
   */
  setNotices(id: string, rev: number, notices: readonly Notice[]): Promise<boolean>;
  /** IDs of requests with a notice whose `nextAt` is at or before `now`, soonest first (filtered in the store). */
  listNoticesDue(now: Date, limit?: number): Promise<string[]>;
  /**
   * Appends an audit entry (a refused attempt; issue 15: a note or a hand-over) without changing state or
   * version, and the notices it asks for onto the request's outbox in the same write (revision bumped).
   */
  appendAudit(id: string, entry: AuditEntry, notices?: readonly Notice[]): Promise<void>;
  /**
   * Counts one more refused attempt on the audit entry at `index` (its `repeats` + 1, `lastRepeatAt`
   * = at) without changing state or version; the entry must exist (entries are only ever appended).
   */
  countRepeatedAttempt(id: string, index: number, at: Date): Promise<void>;
  countByStatus(): Promise<Partial<Record<RequestStatus, number>>>;
  /** Issue 17: requests approved and waiting to show in Partner Center (status `completing`), longest waiting first. */
  listCompleting(limit?: number): Promise<PartnerRequest[]>;
  /**
   * Issue 17: open requests whose Partner Center check is pending and may start at `now` (its `nextAt`
   * is at or before it), soonest first (filtered in the store).
   */
  listPartnerChecksDue(now: Date, limit?: number): Promise<PartnerRequest[]>;
  /**
   * Issue 17: replaces the request's `partnerCheck` with `check` only if the request is open and its
   * stored check is still pending with `expectedAttempts` attempts; `entry` (if any) is appended in the
   * same write. The version is not changed (the cards people hold stay valid). Exactly one of several
   * instances leasing the same check gets 'ok'.
   */
  updatePartnerCheck(id: string, expectedAttempts: number, check: PartnerCheck, entry?: AuditEntry): Promise<TransitionOutcome>;
  /**
   * Issue 17: records how the fulfilment schedule's last question to Partner Center about a completing
   * request went (replaces `fulfilmentCheck`), only while it is completing; version and audit unchanged.
   * True when it was written.
   */
  recordFulfilmentCheck(id: string, check: FulfilmentCheck): Promise<boolean>;
  /**
   * Issue 17: stores the request's `fulfilment` (the add-partner relationship link and GDAP progress) only
   * if the request waits for an approval or is completing and its stored fulfilment still has revision
   * `expectedRev` (0: none stored yet); `fulfilment.rev` must be the next one. `notices` go onto the outbox in
   * the same write. The version is not changed (the cards people hold stay valid), and a transition
   * never writes `fulfilment`. Exactly one of several instances writing from the same revision gets 'ok'.
   */
  updateFulfilment(id: string, expectedRev: number, fulfilment: Fulfilment, notices?: readonly Notice[]): Promise<TransitionOutcome>;
  /** Issue 17: requests waiting for an approval or completing whose link or GDAP relationship is still to be fetched or created, oldest change first. */
  listFulfilmentDue(limit?: number): Promise<PartnerRequest[]>;
}
