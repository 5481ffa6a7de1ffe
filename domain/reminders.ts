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
