import type { DomainPolicy } from './policy';
import type { AuditEntry, PartnerRequest, ReminderState } from './request';
import { refusal, type Refusal } from './result';

export const DAY_MS = 86_400_000;
/** The requester may ask for a reminder at most once a day per request (any reminder counts). */
export const REQUESTER_REMINDER_GAP_MS = DAY_MS;

/** When the approval now awaited began: routing for the first step, the previous step's decision after. */
export function stepStartedAt(r: PartnerRequest): Date {
  if (r.stage > 0) return r.steps[r.stage - 1]?.decidedAt ?? r.createdAt;
  return r.audit.find((e) => e.action === 'route')?.at ?? r.createdAt;
}

/** Whole days the current step has waited, at `now`. */
export function daysWaiting(r: PartnerRequest, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - stepStartedAt(r).getTime()) / DAY_MS));
}

/** How many reminders the schedule has sent for the step now awaited. */
function scheduledAtThisStage(r: PartnerRequest): number {
  return r.reminders && r.reminders.stage === r.stage ? r.reminders.scheduled : 0;
}

/**
 * When the schedule's next reminder of the current step is due: `reminderAfterDays` after the step
 * began, then every `reminderEveryDays` (day 3, 10, 17 with the defaults). Undefined when the request
 * awaits nobody or the reminder would come only at or after its expiry.
 */
export function nextScheduledReminderAt(r: PartnerRequest, policy: DomainPolicy): Date | undefined {
  if (r.status !== 'pending_approval') return undefined;
  const n = scheduledAtThisStage(r);
  const at = new Date(stepStartedAt(r).getTime() + (policy.reminderAfterDays + n * policy.reminderEveryDays) * DAY_MS);
  return at.getTime() < r.expiresAt.getTime() ? at : undefined;
}

export type ReminderPlan =
  | { kind: 'remind'; reminders: ReminderState; entry: AuditEntry; expected: number }
  | { kind: 'refused'; refusal: Refusal };

const utc = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** The reminder state and audit entry a reminder records, checked against the count it was read with. */
function plan(r: PartnerRequest, now: Date, by: ReminderState['lastBy'], actor: AuditEntry['actor'], platform: AuditEntry['platform']): ReminderPlan {
  const scheduled = scheduledAtThisStage(r) + (by === 'schedule' ? 1 : 0);
  const count = (r.reminders?.count ?? 0) + 1;
  return {
    kind: 'remind',
    expected: r.reminders?.count ?? 0,
    reminders: { count, stage: r.stage, scheduled, lastAt: now, lastBy: by },
    entry: { at: now, actor, platform, action: 'remind', from: r.status, to: r.status, stage: r.stage, reason: by === 'schedule' ? `scheduled reminder ${scheduled}` : 'asked for by the requester' },
  };
}

/** The schedule's reminder, if one is due at `now` (never once the request has expired). */
export function scheduledReminder(r: PartnerRequest, policy: DomainPolicy, now: Date): ReminderPlan | undefined {
  const due = nextScheduledReminderAt(r, policy);
  if (!due || due.getTime() > now.getTime() || now.getTime() >= r.expiresAt.getTime()) return undefined;
  return plan(r, now, 'schedule', { type: 'system', name: 'Partner Link' }, 'system');
}

/**
 * A reminder the requester asks for ("remind them"): only for their own request while it awaits a
 * decision and has not expired, and at most once a day (the refusal says when the last one went out).
 */
export function requesterReminder(r: PartnerRequest, person: { id: string; name: string; orgId: string }, platform: AuditEntry['platform'], now: Date): ReminderPlan {
  if (r.requester.personId !== person.id) return { kind: 'refused', refusal: refusal('NOT_THE_REQUESTER') };
  if (r.status !== 'pending_approval') return { kind: 'refused', refusal: refusal('NOT_AWAITING_APPROVAL') };
  if (now.getTime() >= r.expiresAt.getTime()) return { kind: 'refused', refusal: refusal('REQUEST_EXPIRED', { at: utc(r.expiresAt) }) };
  const last = r.reminders?.lastAt;
  if (last && now.getTime() - last.getTime() < REQUESTER_REMINDER_GAP_MS) {
    return { kind: 'refused', refusal: refusal('REMINDED_RECENTLY', { requestId: r.id, at: utc(last), next: utc(new Date(last.getTime() + REQUESTER_REMINDER_GAP_MS)) }) };
  }
  return plan(r, now, 'requester', { type: 'person', personId: person.id, name: person.name, orgId: person.orgId }, platform);
}

// --- Issue 17: reminders while a request is completing in Partner Center. ---

/** When the request moved on to "completing in Partner Center" (its last approval); undefined unless completing. */
export function completingSince(r: PartnerRequest): Date | undefined {
  if (r.status !== 'completing') return undefined;
  const entry = [...r.audit].reverse().find((e) => e.to === 'completing' && e.from !== 'completing');
  return entry?.at ?? r.decision?.at ?? r.updatedAt;
}

/** How many completion reminders the schedule has sent for this request. */
function completionRemindersSent(r: PartnerRequest): number {
  return r.reminders?.phase === 'completion' ? r.reminders.scheduled : 0;
}

/**
 * When the next "still not done in Partner Center" reminder is due: `completionReminderAfterDays` after
 * the wait began, then every `completionReminderEveryDays`, and never sooner than that interval after
 * the last reminder of any kind (a schedule that was down sends one, not a burst). The wait begins at the
 * last approval, or at `waitFrom` when that is later (a licence whose term has not ended yet: nothing can
 * be bought before the term end, so nobody is late before it).
 */
export function nextCompletionReminderAt(r: PartnerRequest, policy: DomainPolicy, waitFrom?: Date): Date | undefined {
  const since = completingSince(r);
  if (!since) return undefined;
  const start = waitFrom && waitFrom.getTime() > since.getTime() ? waitFrom : since;
  const n = completionRemindersSent(r);
  const due = start.getTime() + (policy.completionReminderAfterDays + n * policy.completionReminderEveryDays) * DAY_MS;
  const last = r.reminders?.lastAt.getTime();
  return new Date(last === undefined ? due : Math.max(due, last + policy.completionReminderEveryDays * DAY_MS));
}

/** Whole days since the request moved to completing, at `now`. */
export function daysCompleting(r: PartnerRequest, now: Date): number {
  const since = completingSince(r);
  return since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)) : 0;
}

const SYSTEM_ACTOR: AuditEntry['actor'] = { type: 'system', name: 'Partner Link' };

/** The reminder state a completion or term-end reminder records, keeping what the other kind recorded. */
function completionPlan(r: PartnerRequest, now: Date, change: Pick<ReminderState, 'scheduled'> & { termEndFor?: Date }, reason: string): ReminderPlan {
  const termEndFor = change.termEndFor ?? r.reminders?.termEndFor;
  return {
    kind: 'remind',
    expected: r.reminders?.count ?? 0,
    reminders: { count: (r.reminders?.count ?? 0) + 1, stage: r.stage, scheduled: change.scheduled, lastAt: now, lastBy: 'schedule', phase: 'completion', ...(termEndFor ? { termEndFor } : {}) },
    entry: { at: now, actor: SYSTEM_ACTOR, platform: 'system', action: 'remind', from: r.status, to: r.status, stage: r.stage, reason },
  };
}

/** The schedule's "still waiting for Partner Center" reminder, if one is due at `now` (see nextCompletionReminderAt). */
export function scheduledCompletionReminder(r: PartnerRequest, policy: DomainPolicy, now: Date, waitFrom?: Date): ReminderPlan | undefined {
  const due = nextCompletionReminderAt(r, policy, waitFrom);
  if (!due || due.getTime() > now.getTime()) return undefined;
  const n = completionRemindersSent(r) + 1;
  return completionPlan(r, now, { scheduled: n }, `completion reminder ${n}`);
}

/**
 * Issue 17 (multi-channel, licence): the reminder to the partner and the customer that the current term
 * ends soon (`termEndReminderDays` before `termEnd`, the end date Partner Center reports), once per term
 * end date; none once the term has ended (the completion reminders take over) or for another status.
 */
export function termEndReminder(r: PartnerRequest, policy: DomainPolicy, now: Date, termEnd: Date | undefined): ReminderPlan | undefined {
  if (r.status !== 'completing' || r.subject.kind !== 'multichannel_support' || !termEnd) return undefined;
  if (r.reminders?.termEndFor?.getTime() === termEnd.getTime()) return undefined;
  const from = termEnd.getTime() - policy.termEndReminderDays * DAY_MS;
  // New-commerce end dates are inclusive: the last day of the term still counts.
  if (now.getTime() < from || now.getTime() >= termEnd.getTime() + DAY_MS) return undefined;
  return completionPlan(r, now, { scheduled: completionRemindersSent(r), termEndFor: termEnd }, `term end reminder (${termEnd.toISOString().slice(0, 10)})`);
}
