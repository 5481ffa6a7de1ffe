import { approvalSteps, DEFAULT_POLICY, nextScheduledReminderAt, requesterReminder, scheduledReminder, type PartnerRequest } from '../../domain';

const DAY = 86_400_000;
const T0 = new Date('2026-04-01T00:00:00Z');
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * 3_600_000);

function pending(over: Partial<PartnerRequest> = {}): PartnerRequest {
  const subject = { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure' } as const;
  return {
    id: 'PL-TEST0002',
    subject,
    status: 'pending_approval',
    version: 2,
    requester: { personId: 'yuki-suzuki', orgId: 'yamato-manufacturing', platform: 'slack' },
    steps: approvalSteps(subject),
    stage: 0,
    createdAt: T0,
    updatedAt: T0,
    expiresAt: at(90),
    checks: [],
    audit: [{ at: T0, actor: { type: 'system', name: 'Partner Link' }, platform: 'system', action: 'route', from: 'submitted', to: 'pending_approval' }],
    ...over,
  };
}

/** Applies the schedule's reminders day by day and returns the days they came due. */
function scheduleDays(r: PartnerRequest, lastDay: number): number[] {
  const days: number[] = [];
  for (let d = 0; d <= lastDay; d++) {
    const p = scheduledReminder(r, DEFAULT_POLICY, at(d));
    if (p?.kind === 'remind') {
      days.push(d);
      r = { ...r, reminders: p.reminders };
    }
  }
  return days;
}

describe('issue 15: when reminders are due', () => {
  it('after 3 days, then every 7, until the expiry (defaults)', () => {
    expect(scheduleDays(pending(), 95)).toEqual([3, 10, 17, 24, 31, 38, 45, 52, 59, 66, 73, 80, 87]);
  });

  it('counts from the start of the step awaited: a second step begins its own reminders', () => {
    const r = pending({ stage: 1, steps: approvalSteps(pending().subject).map((s, i) => (i === 0 ? { ...s, decidedBy: 'daniel-park', decidedAt: at(5) } : s)), reminders: { count: 1, stage: 0, scheduled: 1, lastAt: at(3), lastBy: 'schedule' } });
    expect(nextScheduledReminderAt(r, DEFAULT_POLICY)).toEqual(at(8));
    expect(scheduleDays(r, 20)).toEqual([8, 15]);
  });

  it('nobody is reminded about a request that is not awaiting approval, or once it has expired', () => {
    expect(nextScheduledReminderAt(pending({ status: 'approved' }), DEFAULT_POLICY)).toBeUndefined();
    expect(scheduledReminder(pending({ expiresAt: at(2) }), DEFAULT_POLICY, at(3))).toBeUndefined();
  });

  it('the requester may remind at most once a day; the refusal names the last reminder and the next possible one', () => {
    const yuki = { id: 'yuki-suzuki', name: 'Yuki Suzuki', orgId: 'yamato-manufacturing' };
    const first = requesterReminder(pending(), yuki, 'slack', at(1));
    if (first.kind !== 'remind') throw new Error('expected a reminder');
    expect(first.reminders).toMatchObject({ count: 1, scheduled: 0, lastBy: 'requester' });
    const reminded = pending({ reminders: first.reminders });
    const soon = requesterReminder(reminded, yuki, 'slack', at(1, 23));
    expect(soon.kind === 'refused' && soon.refusal.code).toBe('REMINDED_RECENTLY');
    expect(soon.kind === 'refused' && soon.refusal.message.en).toContain('2026-04-02 00:00 UTC');
    expect(requesterReminder(reminded, yuki, 'slack', at(2)).kind).toBe('remind');
    expect(requesterReminder(reminded, { ...yuki, id: 'taro-ito' }, 'slack', at(3)).kind).toBe('refused');
    // A requester's reminder does not move the schedule's: day 3 is still due.
    expect(scheduleDays(reminded, 4)).toEqual([3]);
  });
});
