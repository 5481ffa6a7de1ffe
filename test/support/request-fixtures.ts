import { approvalSteps, RequestSchema, type AuditEntry, type PartnerRequest, type RequestStatus, type RequestSubject } from '../../domain';

/**
 * Valid PartnerRequest objects for store tests, built through RequestSchema so that they are what the
 * domain hands a store. IDs are unique per process (PL- and eight of [0-9A-Z]).
 */
let counter = 0;
const RUN = Math.floor(Math.random() * 36 ** 3);

export function nextRequestId(): string {
  counter += 1;
  const n = (RUN * 36 ** 5 + counter).toString(36).toUpperCase().padStart(8, '0').slice(-8);
  return `PL-${n}`;
}

export const T0 = new Date('2026-01-05T09:00:00.000Z');
export const minutes = (n: number, from: Date = T0) => new Date(from.getTime() + n * 60_000);
export const days = (n: number, from: Date = T0) => new Date(from.getTime() + n * 86_400_000);

export const linkSubject = (resellerId = 'blue-reseller', providerId = 'acme-dist'): RequestSubject => ({ kind: 'link_distributor', resellerId, providerId });
export const partnerSubject = (customerId = 'contoso', partnerId = 'fab-direct', workload: 'azure' | 'microsoft365' = 'azure'): RequestSubject => ({
  kind: 'add_partner',
  customerId,
  partnerId,
  workload,
});

export function auditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: T0,
    actor: { type: 'person', personId: 'blue-user', name: 'Ben Blue', orgId: 'blue-reseller' },
    platform: 'slack',
    action: 'submit',
    from: null,
    to: 'submitted',
    ...over,
  } as AuditEntry;
}

export interface RequestOptions {
  id?: string;
  subject?: RequestSubject;
  status?: RequestStatus;
  requesterId?: string;
  createdAt?: Date;
  expiresAt?: Date;
  commandId?: string;
}

/** A request as just submitted (version 1, one 'submit' audit entry). */
export function submittedRequest(o: RequestOptions = {}): PartnerRequest {
  const createdAt = o.createdAt ?? T0;
  const subject = o.subject ?? linkSubject();
  return RequestSchema.parse({
    id: o.id ?? nextRequestId(),
    subject,
    status: 'submitted',
    version: 1,
    requester: { personId: o.requesterId ?? 'blue-user', orgId: 'blue-reseller', platform: 'slack' },
    steps: approvalSteps(subject),
    stage: 0,
    createdAt,
    updatedAt: createdAt,
    expiresAt: o.expiresAt ?? days(30, createdAt),
    checks: ['REGION_MISMATCH'],
    audit: [auditEntry({ at: createdAt, ...(o.commandId ? { commandId: o.commandId } : {}) })],
  });
}

/**
 * The next state of `r` after one lifecycle step, as the domain produces it: version + 1, the entry
 * appended to the audit, and the status/stage/decision given.
 */
export function nextState(
  r: PartnerRequest,
  change: { status: RequestStatus; stage?: number; action?: AuditEntry['action']; at?: Date; reason?: string },
): { next: PartnerRequest; entry: AuditEntry } {
  const at = change.at ?? minutes(r.version * 5, r.createdAt);
  const entry = auditEntry({
    at,
    actor: { type: 'system', name: 'Partner Link' },
    platform: 'system',
    action: change.action ?? 'route',
    from: r.status,
    to: change.status,
    ...(change.stage !== undefined ? { stage: change.stage } : {}),
    ...(change.reason ? { reason: change.reason } : {}),
  });
  const closed = ['approved', 'rejected', 'cancelled', 'expired'].includes(change.status);
  const next = RequestSchema.parse({
    ...r,
    status: change.status,
    stage: change.stage ?? r.stage,
    version: r.version + 1,
    updatedAt: at,
    ...(closed ? { decision: { status: change.status, actor: entry.actor, platform: entry.platform, at, ...(change.reason ? { reason: change.reason } : {}) } } : {}),
    audit: [...r.audit, entry],
  });
  return { next, entry };
}

/** A request already routed to its first approver (status pending_approval, version 2). */
export function pendingRequest(o: RequestOptions = {}): PartnerRequest {
  return nextState(submittedRequest(o), { status: 'pending_approval', stage: 0 }).next;
}

/** A refused attempt, as appendAudit records it. */
export function refusedAttempt(n: number, at: Date = T0): AuditEntry {
  return auditEntry({
    at: minutes(n, at),
    actor: { type: 'person', personId: 'blue-admin', name: 'Bea Blue', orgId: 'blue-reseller' },
    action: 'refused',
    from: 'pending_approval',
    to: 'pending_approval',
    code: 'REGION_MISMATCH',
    commandId: `attempt-${n}`,
  });
}
