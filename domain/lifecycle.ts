import { isAdmin, type Person } from './person';
import type { DomainPolicy } from './policy';
import { NoteTextSchema, NOTE_MAX_LENGTH, subjectKey } from './request';
import type { RuleCode } from './rule-codes';
import {
  isClosed,
  type Actor,
  type ApprovalStep,
  type AuditEntry,
  type AuditPlatform,
  type PartnerRequest,
  type RequestStatus,
  type RequestSubject,
} from './request';
import { refusal, type Refusal } from './result';

const STATUS_LABELS: Record<RequestStatus, { en: string; ja: string }> = {
  submitted: { en: 'submitted', ja: '送信済み' },
  pending_approval: { en: 'pending approval', ja: '承認待ち' },
  approved: { en: 'approved', ja: '承認済み' },
  rejected: { en: 'rejected', ja: '却下' },
  cancelled: { en: 'cancelled', ja: '取り消し' },
  expired: { en: 'expired', ja: '期限切れ' },
  completing: { en: 'completing in Partner Center', ja: 'パートナー センターで完了待ち' },
  completed: { en: 'completed', ja: '完了' },
};
export const statusLabel = (s: RequestStatus) => STATUS_LABELS[s];

/** Who approves, in order: the distributor for a link; the partner then the customer; the partner. */
export function approvalSteps(subject: RequestSubject): ApprovalStep[] {
  switch (subject.kind) {
    case 'link_distributor':
      return [{ orgId: subject.providerId, as: 'provider' }];
    case 'add_partner':
      return [
        { orgId: subject.partnerId, as: 'partner' },
        { orgId: subject.customerId, as: 'customer' },
      ];
    case 'multichannel_support':
      return [{ orgId: subject.partnerId, as: 'partner' }];
  }
}

export function currentApproverOrg(r: PartnerRequest): string | undefined {
  return r.status === 'pending_approval' ? r.steps[r.stage]?.orgId : undefined;
}

export type LifecycleCommand =
  | { type: 'route' }
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'cancel'; reason?: string }
  | { type: 'expire' }
  // Approval work (issue 15): a new version of the subject, passing the request on, a note.
  /** The requester files a new version: the subject (already checked against the rules) and the checks that passed. */
  | { type: 'change'; subject: RequestSubject; checks: readonly RuleCode[] }
  /** An approver of the current step passes the request to another admin of the same organization. */
  | { type: 'handover'; to: Person }
  /** The requester or an approver adds a short note. */
  | { type: 'note'; text: string }
  /** Issue 17: Partner Center shows what was approved; only the system sends it, only from `completing`. */
  | { type: 'complete' }
  /** Issue 17: the system closes a request filed "not yet verified" whose Partner Center check then failed. */
  | { type: 'fail_check'; refusal: Refusal };

export interface CommandContext {
  /** The person acting, from the directory; absent for the system. */
  person?: Person;
  platform: AuditPlatform;
  now: Date;
  /** Version on the card the person clicked; absent when the command did not come from a card. */
  expectedVersion?: number;
  commandId?: string;
  policy: DomainPolicy;
}

/**
 * What a command does to a request. `applied` carries the whole next state (version bumped, one audit
 * entry appended) for the store's compare-and-set; `unchanged` is an idempotent repeat; `refused` is a
 * domain "no" with, for an attempt to act that was not allowed, the audit entry to record.
 */
export type Decision =
  | { kind: 'applied'; next: PartnerRequest; entry: AuditEntry }
  | { kind: 'unchanged'; request: PartnerRequest }
  /**
   * `attempt`: the audit entry to append for a refused attempt; `repeatOf`: instead, the index of the
   * audit entry whose counter the attempt increments (this person's refused attempts beyond the first
   * KEPT_REFUSED_ATTEMPTS are counted, not kept).
   * `expire` (issue 15): the command came after the request's expiry, which the schedule has not
   * applied yet; the store applies this expiry first (compare-and-set), then records the attempt.
   */
  | { kind: 'refused'; refusal: Refusal; attempt?: AuditEntry; repeatOf?: number; expire?: { next: PartnerRequest; entry: AuditEntry } }
  /** A note or a hand-over: only an entry for the trail (appended; state and version stay as they are). */
  | { kind: 'appended'; entry: AuditEntry };

/**
 * Refused attempts kept in full per person and request; later ones only bump a counter on the last
 * kept one. Without a bound one person clicking a refused button again and again grew a request
 * without limit (300 clicks: 98 KB document; MongoDB stops at 16 MB).
 */
export const KEPT_REFUSED_ATTEMPTS = 3;

function actorOf(ctx: CommandContext): Actor {
  return ctx.person
    ? { type: 'person', personId: ctx.person.id, name: ctx.person.name, orgId: ctx.person.orgId }
    : { type: 'system', name: 'Partner Link' };
}

function closedRefusal(r: PartnerRequest): Refusal {
  const d = r.decision;
  return refusal('REQUEST_ALREADY_CLOSED', {
    status: statusLabel(r.status),
    by: d?.actor.name,
    at: d ? d.at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : undefined,
  });
}

function isRepeat(r: PartnerRequest, cmd: LifecycleCommand, ctx: CommandContext): boolean {
  if (ctx.commandId && r.audit.some((e) => e.commandId === ctx.commandId && e.action !== 'refused')) return true;
  const me = ctx.person?.id;
  if (!me) return false;
  if (cmd.type === 'approve') return r.steps.some((s, i) => i < r.stage && s.decidedBy === me) || ((r.status === 'approved' || r.status === 'completing' || r.status === 'completed') && r.decision?.actor.type === 'person' && r.decision.actor.personId === me);
  const target = cmd.type === 'reject' ? 'rejected' : cmd.type === 'cancel' ? 'cancelled' : undefined;
  return target !== undefined && r.status === target && r.decision?.actor.type === 'person' && r.decision.actor.personId === me;
}

const actorKey = (a: Actor): string => (a.type === 'person' ? `person:${a.personId}` : `system:${a.name}`);

function refuseAttempt(r: PartnerRequest, cmd: LifecycleCommand, ctx: CommandContext, why: Refusal): Decision {
  const actor = actorOf(ctx);
  const key = actorKey(actor);
  const kept: number[] = [];
  r.audit.forEach((e, i) => {
    if (e.action === 'refused' && actorKey(e.actor) === key) kept.push(i);
  });
  const last = kept.at(-1);
  if (kept.length >= KEPT_REFUSED_ATTEMPTS && last !== undefined) return { kind: 'refused', refusal: why, repeatOf: last };
  const attempt: AuditEntry = {
    at: ctx.now,
    actor,
    platform: ctx.platform,
    action: 'refused',
    from: r.status,
    to: r.status,
    stage: r.stage,
    code: why.code,
    reason: `attempted ${cmd.type}`,
    ...(ctx.commandId ? { commandId: ctx.commandId } : {}),
  };
  return { kind: 'refused', refusal: why, attempt };
}

/** Where a command leads from the current state, if it is allowed at all (authorization is separate). */
function target(r: PartnerRequest, cmd: LifecycleCommand, ctx: CommandContext): RequestStatus | Refusal {
  if (cmd.type === 'complete') return r.status === 'completing' ? 'completed' : closedRefusal(r);
  if (isClosed(r.status)) return closedRefusal(r);
  switch (cmd.type) {
    case 'route':
      return r.status === 'submitted' ? 'pending_approval' : closedRefusal(r);
    case 'approve':
      return r.stage + 1 < r.steps.length ? 'pending_approval' : ctx.policy.completeInPartnerCenter ? 'completing' : 'approved';
    case 'reject':
      return cmd.reason.trim() ? 'rejected' : refusal('REASON_REQUIRED', {}, 'reason');
    case 'cancel':
      return 'cancelled';
    case 'expire':
      return 'expired';
    case 'change':
      return subjectKey(cmd.subject) === subjectKey(r.subject) ? refusal('CHANGE_NOT_DIFFERENT', { requestId: r.id }) : r.status;
    case 'handover':
    case 'note':
      return r.status;
    case 'fail_check':
      return 'rejected';
  }
}

function authorize(r: PartnerRequest, cmd: LifecycleCommand, ctx: CommandContext): Refusal | undefined {
  const p = ctx.person;
  switch (cmd.type) {
    case 'route':
    case 'expire':
      return undefined; // the system's own steps
    case 'complete':
      return p ? refusal('NOT_A_PARTY') : undefined; // only the system, when Partner Center shows it
    case 'fail_check':
      return p ? refusal('NOT_AN_APPROVER', { org: r.steps[r.stage]?.orgId ?? '' }) : undefined;
    case 'cancel':
      return p && p.id === r.requester.personId ? undefined : refusal('NOT_THE_REQUESTER');
    case 'change':
      return p && p.id === r.requester.personId ? undefined : refusal('ONLY_REQUESTER_CHANGES');
    case 'note':
      return p && (p.id === r.requester.personId || (isAdmin(p) && r.steps.some((s) => s.orgId === p.orgId))) ? undefined : refusal('NOT_A_PARTY');
    case 'handover':
    case 'approve':
    case 'reject': {
      const org = r.steps[r.stage]?.orgId ?? '';
      const allowed = r.status === 'pending_approval' && p !== undefined && p.orgId === org && isAdmin(p);
      return allowed ? undefined : refusal('NOT_AN_APPROVER', { org });
    }
  }
}

/** The request state machine: pure, so every store applies exactly the same rules. */
export function decide(r: PartnerRequest, cmd: LifecycleCommand, ctx: CommandContext): Decision {
  if (isRepeat(r, cmd, ctx)) return { kind: 'unchanged', request: r };
  const completing = cmd.type === 'complete' && r.status === 'completing';
  if (isClosed(r.status) && !completing) {
    return ctx.person ? refuseAttempt(r, cmd, ctx, closedRefusal(r)) : { kind: 'refused', refusal: closedRefusal(r) };
  }
  const late = expiredBeforeCommand(r, cmd, ctx);
  if (late) return late;
  const denied = authorize(r, cmd, ctx);
  if (denied) return refuseAttempt(r, cmd, ctx, denied);
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== r.version) {
    return { kind: 'refused', refusal: refusal('STALE_CARD') };
  }
  const to = target(r, cmd, ctx);
  if (typeof to !== 'string') return { kind: 'refused', refusal: to };
  if (cmd.type === 'note' || cmd.type === 'handover') return appendOnly(r, cmd, ctx);
  if (cmd.type === 'expire' && r.expiresAt.getTime() > ctx.now.getTime()) {
    return { kind: 'unchanged', request: r };
  }
  return { kind: 'applied', ...apply(r, cmd as Exclude<LifecycleCommand, { type: 'note' | 'handover' }>, ctx, to) };
}

/**
 * Issue 15: an approval, rejection or cancel at or after `expiresAt` is refused with the expiry reason,
 * whoever sends it, and the request expires at that moment (by the system) if the schedule has not
 * expired it yet.
 */
function expiredBeforeCommand(r: PartnerRequest, cmd: LifecycleCommand, ctx: CommandContext): Decision | undefined {
  if (cmd.type !== 'approve' && cmd.type !== 'reject' && cmd.type !== 'cancel') return undefined;
  if (ctx.now.getTime() < r.expiresAt.getTime()) return undefined;
  const why = refusal('REQUEST_EXPIRED', { at: r.expiresAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' });
  const { person: _person, commandId: _commandId, ...system } = ctx;
  const expire = apply(r, { type: 'expire' }, { ...system, platform: 'system' }, 'expired');
  const attempt = ctx.person ? refuseAttempt(expire.next, cmd, ctx, why) : undefined;
  // The attempt is recorded as any refused one: in full, or counted on this person's last kept entry.
  const recorded = attempt?.kind === 'refused' ? { ...(attempt.attempt ? { attempt: attempt.attempt } : {}), ...(attempt.repeatOf !== undefined ? { repeatOf: attempt.repeatOf } : {}) } : {};
  return { kind: 'refused', refusal: why, ...recorded, expire };
}

/** A note or a hand-over, checked: the trail entry to append (no new version, so posted cards stay valid). */
function appendOnly(r: PartnerRequest, cmd: Extract<LifecycleCommand, { type: 'note' | 'handover' }>, ctx: CommandContext): Decision {
  const base = { at: ctx.now, actor: actorOf(ctx), platform: ctx.platform, from: r.status, to: r.status, stage: r.stage, ...(ctx.commandId ? { commandId: ctx.commandId } : {}) };
  if (cmd.type === 'note') {
    const text = NoteTextSchema.safeParse(cmd.text);
    if (!text.success) return { kind: 'refused', refusal: refusal('NOTE_INVALID', { max: NOTE_MAX_LENGTH }, 'note') };
    return { kind: 'appended', entry: { ...base, action: 'note', note: text.data } };
  }
  const org = r.steps[r.stage]?.orgId ?? '';
  const t = cmd.to;
  if (t.orgId !== org || !isAdmin(t) || t.id === ctx.person?.id) return { kind: 'refused', refusal: refusal('HANDOVER_TARGET_INVALID', { org }, 'handoverTo') };
  return { kind: 'appended', entry: { ...base, action: 'handover', handedTo: { personId: t.id, name: t.name } } };
}

/** The admin the current step was last handed over to, if it was (issue 15: who must act). */
export function handedOverTo(r: PartnerRequest): { personId: string; name: string } | undefined {
  if (r.status !== 'pending_approval') return undefined;
  for (let i = r.audit.length - 1; i >= 0; i--) {
    const e = r.audit[i]!;
    if (e.action === 'change' || (e.stage !== undefined && e.stage !== r.stage)) return undefined;
    if (e.action === 'handover' && e.stage === r.stage) return e.handedTo;
  }
  return undefined;
}

function apply(r: PartnerRequest, cmd: Exclude<LifecycleCommand, { type: 'note' | 'handover' }>, ctx: CommandContext, to: RequestStatus) {
  if (cmd.type === 'change') return applyChange(r, cmd, ctx);
  const actor = actorOf(ctx);
  const reason = cmd.type === 'reject' || cmd.type === 'cancel' ? cmd.reason?.trim() || undefined : cmd.type === 'fail_check' ? cmd.refusal.message.en : undefined;
  const entry: AuditEntry = {
    at: ctx.now,
    actor,
    platform: ctx.platform,
    action: cmd.type === 'fail_check' ? 'reject' : cmd.type,
    ...(cmd.type === 'fail_check' ? { code: cmd.refusal.code } : {}),
    from: r.status,
    to,
    stage: r.stage,
    ...(reason ? { reason } : {}),
    ...(ctx.commandId ? { commandId: ctx.commandId } : {}),
  };
  const steps = r.steps.map((s, i) =>
    i === r.stage && (cmd.type === 'approve' || cmd.type === 'reject') && ctx.person
      ? { ...s, decidedBy: ctx.person.id, decidedAt: ctx.now }
      : s,
  );
  const advance = cmd.type === 'approve' && to === 'pending_approval';
  const next: PartnerRequest = {
    ...r,
    status: to,
    version: r.version + 1,
    steps,
    stage: advance ? r.stage + 1 : r.stage,
    updatedAt: ctx.now,
    audit: [...r.audit, entry],
    // The decision is the one that closed the approval work; completing it later keeps who decided.
    ...(isClosed(to) && !isClosed(r.status) ? { decision: { status: to, actor, platform: ctx.platform, at: ctx.now, ...(reason ? { reason } : {}) } } : {}),
    // Issue 17: what the check found is kept on the request, in both languages, for the cards.
    ...(cmd.type === 'fail_check' && r.partnerCheck
      ? { partnerCheck: { ...r.partnerCheck, state: 'failed' as const, checkedAt: ctx.now, failed: { code: cmd.refusal.code, message: cmd.refusal.message } } }
      : {}),
  };
  return { next, entry };
}

/** A new version of a pending request: the new subject, its approval steps from the start, the new checks. */
function applyChange(r: PartnerRequest, cmd: Extract<LifecycleCommand, { type: 'change' }>, ctx: CommandContext) {
  const entry: AuditEntry = {
    at: ctx.now,
    actor: actorOf(ctx),
    platform: ctx.platform,
    action: 'change',
    from: r.status,
    to: r.status,
    stage: r.stage,
    previousSubject: r.subject,
    ...(ctx.commandId ? { commandId: ctx.commandId } : {}),
  };
  const next: PartnerRequest = {
    ...r,
    subject: cmd.subject,
    version: r.version + 1,
    steps: approvalSteps(cmd.subject),
    stage: 0,
    checks: [...cmd.checks],
    updatedAt: ctx.now,
    audit: [...r.audit, entry],
  };
  return { next, entry };
}
