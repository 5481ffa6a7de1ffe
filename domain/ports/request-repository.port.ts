import type { AuditEntry, PartnerRequest, RequestStatus } from '../request';

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
  /** The open (submitted or pending) request with this subject key, if any. */
  findOpenByKey(key: string): Promise<PartnerRequest | undefined>;
  /** The open requests with any of these subject keys, in one query (eligibility checks many candidates). */
  findOpenByKeys(keys: readonly string[]): Promise<PartnerRequest[]>;
  listByRequester(personId: string, opts?: { limit?: number }): Promise<PartnerRequest[]>;
  /** Pending requests whose current approval step belongs to this organization. */
  listAwaitingOrg(orgId: string): Promise<PartnerRequest[]>;
  /** Open requests whose expiry has passed. */
  listExpired(now: Date): Promise<PartnerRequest[]>;
  /**
   * Replaces the request with `next` only if its stored version is still `expectedVersion`.
   * `next.version` must be `expectedVersion + 1`, and next.audit must extend the stored audit by `entry`.
   */
  transition(next: PartnerRequest, expectedVersion: number, entry: AuditEntry): Promise<TransitionOutcome>;
  /** Appends an audit entry (a refused attempt) without changing state or version. */
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
  /**
   * Counts one more refused attempt on the audit entry at `index` (its `repeats` + 1, `lastRepeatAt`
   * = at) without changing state or version; the entry must exist (entries are only ever appended).
   */
  countRepeatedAttempt(id: string, index: number, at: Date): Promise<void>;
  countByStatus(): Promise<Partial<Record<RequestStatus, number>>>;
}
