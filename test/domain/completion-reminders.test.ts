import { approvalSteps, DEFAULT_POLICY, completingSince, nextCompletionReminderAt, scheduledCompletionReminder, termEndReminder, type PartnerRequest } from '../../domain';

// Issue 17: when the reminders of a request completing in Partner Center are due (pure rules).
const DAY = 86_400_000;
const T0 = new Date('2026-04-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const system = { type: 'system', name: 'Partner Link' } as const;

function completing(over: Partial<PartnerRequest> = {}): PartnerRequest {
  const subject = { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61' } as const;
  return {
    id: 'PL-TEST0017',
    subject,
    status: 'completing',
    version: 3,
    requester: { personId: 'yuki-suzuki', orgId: 'yamato-manufacturing', platform: 'teams' },
    steps: approvalSteps(subject),
    stage: 0,
    createdAt: at(-5),
    updatedAt: T0,
    expiresAt: at(85),
    checks: [],
    audit: [
      { at: at(-5), actor: system, platform: 'system', action: 'route', from: 'submitted', to: 'pending_approval' },
      { at: T0, actor: { type: 'person', personId: 'daniel-park', name: 'Daniel Park', orgId: 'trey-research-direct' }, platform: 'teams', action: 'approve', from: 'pending_approval', to: 'completing', stage: 0 },
    ],
    ...over,
  };
}

/** Applies the schedule's completion reminders day by day (the term-end one first, as the service does). */
function reminderDays(r: PartnerRequest, lastDay: number, termEnd?: Date): string[] {
  const out: string[] = [];
  for (let d = 0; d <= lastDay; d++) {
    const p = termEndReminder(r, DEFAULT_POLICY, at(d), termEnd) ?? scheduledCompletionReminder(r, DEFAULT_POLICY, at(d), termEnd);
    if (p?.kind === 'remind') {
      out.push(`${d}:${p.entry.reason!.startsWith('term end') ? 'term' : 'wait'}`);
      r = { ...r, reminders: p.reminders };
    }
  }
  return out;
}

describe('issue 17: reminders while completing in Partner Center', () => {
  it('the wait starts at the last approval: day 3, then every 7 days', () => {
    expect(completingSince(completing())).toEqual(T0);
    expect(reminderDays(completing(), 30)).toEqual(['3:wait', '10:wait', '17:wait', '24:wait']);
  });

  it('nothing for a request that is not completing', () => {
    const done = completing({ status: 'completed' });
    expect(nextCompletionReminderAt(done, DEFAULT_POLICY)).toBeUndefined();
    expect(scheduledCompletionReminder(done, DEFAULT_POLICY, at(30))).toBeUndefined();
    expect(termEndReminder(done, DEFAULT_POLICY, at(30), at(40))).toBeUndefined();
  });

  it('a schedule that was down sends one reminder, then waits a full interval (no burst)', () => {
    let r = completing();
    const first = scheduledCompletionReminder(r, DEFAULT_POLICY, at(40));
    expect(first?.kind).toBe('remind');
    if (first?.kind !== 'remind') return;
    r = { ...r, reminders: first.reminders };
    expect(scheduledCompletionReminder(r, DEFAULT_POLICY, at(40))).toBeUndefined();
    expect(scheduledCompletionReminder(r, DEFAULT_POLICY, at(46))).toBeUndefined();
    expect(scheduledCompletionReminder(r, DEFAULT_POLICY, at(47))?.kind).toBe('remind');
  });

  it('a licence whose term ends on day 40: told once from day 10 (30 days before); the wait counts from the end date', () => {
    expect(reminderDays(completing(), 60, at(40))).toEqual(['10:term', '43:wait', '50:wait', '57:wait']);
  });

  it('the last day of the term still counts (end dates are inclusive); the day after, no term-end reminder', () => {
    const r = completing();
    expect(termEndReminder(r, DEFAULT_POLICY, new Date(at(40).getTime() + DAY - 1), at(40))?.kind).toBe('remind');
    expect(termEndReminder(r, DEFAULT_POLICY, at(41), at(40))).toBeUndefined();
    expect(termEndReminder(r, DEFAULT_POLICY, new Date(at(10).getTime() - 1), at(40))).toBeUndefined();
  });

  it('a new term end date (the subscription renewed) is reminded of again; the count carries on', () => {
    const p = termEndReminder(completing(), DEFAULT_POLICY, at(10), at(40));
    if (p?.kind !== 'remind') throw new Error('expected a reminder');
    const r = completing({ reminders: p.reminders });
    expect(termEndReminder(r, DEFAULT_POLICY, at(11), at(40))).toBeUndefined();
    const again = termEndReminder(r, DEFAULT_POLICY, at(380), at(405));
    expect(again?.kind === 'remind' && again.reminders).toMatchObject({ count: 2, termEndFor: at(405), phase: 'completion' });
    expect(again?.kind === 'remind' && again.expected).toBe(1);
  });

  it('a term end only for multi-channel support', () => {
    const link = completing({ subject: { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' } });
    expect(termEndReminder(link, DEFAULT_POLICY, at(10), at(40))).toBeUndefined();
  });
});
