import { DEFAULT_POLICY, approvalSteps, decide, statusLabel, type CommandContext, type PartnerRequest, type Person, type RequestSubject } from '../../domain';
import { sampleLookup } from '../support/sample-directory';

// Issue 17: with Partner Center on, the last approval leads to "completing", and only the system completes it.
const { person } = sampleLookup();
const T0 = new Date('2026-11-01T09:00:00Z');
const PC_ON = { ...DEFAULT_POLICY, completeInPartnerCenter: true };

function request(subject: RequestSubject, requester: Person): PartnerRequest {
  return {
    id: 'PL-TEST0017',
    subject,
    status: 'pending_approval',
    version: 2,
    requester: { personId: requester.id, orgId: requester.orgId, platform: 'teams' },
    steps: approvalSteps(subject),
    stage: 0,
    createdAt: T0,
    updatedAt: T0,
    expiresAt: new Date(T0.getTime() + 90 * 86_400_000),
    checks: [],
    audit: [],
  };
}
const linkReq = () => request({ kind: 'link_distributor', resellerId: 'sakura-cloud', providerId: 'contoso-distribution-jp' }, person('aiko-tanaka'));
const ctx = (who: string | undefined, policy = PC_ON, at = '2026-11-02T09:00:00Z'): CommandContext => ({
  ...(who ? { person: person(who) } : {}),
  platform: who ? 'teams' : 'system',
  now: new Date(at),
  policy,
});

function approvedWithPartnerCenter(): PartnerRequest {
  const d = decide(linkReq(), { type: 'approve' }, ctx('hiroshi-yamada'));
  if (d.kind !== 'applied') throw new Error(`expected applied, got ${d.kind}`);
  return d.next;
}

describe('fulfilment in Partner Center (issue 17)', () => {
  it('without Partner Center the last approval still leads to approved', () => {
    const d = decide(linkReq(), { type: 'approve' }, ctx('hiroshi-yamada', DEFAULT_POLICY));
    expect(d.kind === 'applied' && d.next.status).toBe('approved');
  });

  it('with Partner Center the last approval leads to completing, audited, with the approver as the decision', () => {
    const r = approvedWithPartnerCenter();
    expect(r.status).toBe('completing');
    expect(r.audit.at(-1)).toMatchObject({ action: 'approve', from: 'pending_approval', to: 'completing', actor: { personId: 'hiroshi-yamada' } });
    expect(r.decision).toMatchObject({ status: 'completing', actor: { personId: 'hiroshi-yamada' } });
  });

  it('the system completes it; the decision still names the approver', () => {
    const r = approvedWithPartnerCenter();
    const d = decide(r, { type: 'complete' }, ctx(undefined, PC_ON, '2026-11-05T09:00:00Z'));
    if (d.kind !== 'applied') throw new Error(`expected applied, got ${d.kind}`);
    expect(d.next.status).toBe('completed');
    expect(d.next.version).toBe(r.version + 1);
    expect(d.entry).toMatchObject({ action: 'complete', from: 'completing', to: 'completed', actor: { type: 'system' }, platform: 'system' });
    expect(d.next.decision).toMatchObject({ actor: { personId: 'hiroshi-yamada' } });
  });

  it('a person cannot complete it, and nobody can approve, reject or cancel it any more', () => {
    const r = approvedWithPartnerCenter();
    const byPerson = decide(r, { type: 'complete' }, ctx('hiroshi-yamada'));
    expect(byPerson.kind).toBe('refused');
    const reject = decide(r, { type: 'reject', reason: 'changed my mind' }, ctx('hiroshi-yamada'));
    expect(reject.kind === 'refused' && reject.refusal.code).toBe('REQUEST_ALREADY_CLOSED');
    const cancel = decide(r, { type: 'cancel' }, ctx('aiko-tanaka'));
    expect(cancel.kind === 'refused' && cancel.refusal.code).toBe('REQUEST_ALREADY_CLOSED');
  });

  it('complete is refused on a request that is not completing (approved without Partner Center, or already completed)', () => {
    const plain = decide(linkReq(), { type: 'approve' }, ctx('hiroshi-yamada', DEFAULT_POLICY));
    if (plain.kind !== 'applied') throw new Error('expected applied');
    expect(decide(plain.next, { type: 'complete' }, ctx(undefined)).kind).toBe('refused');
    const done = decide(approvedWithPartnerCenter(), { type: 'complete' }, ctx(undefined));
    if (done.kind !== 'applied') throw new Error('expected applied');
    expect(decide(done.next, { type: 'complete' }, ctx(undefined)).kind).toBe('refused');
  });

  it('the two statuses have English and Japanese labels', () => {
    expect(statusLabel('completing')).toEqual({ en: 'completing in Partner Center', ja: 'パートナー センターで完了待ち' });
    expect(statusLabel('completed')).toEqual({ en: 'completed', ja: '完了' });
  });
});
