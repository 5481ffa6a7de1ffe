import {
  DEFAULT_POLICY,
  KEPT_REFUSED_ATTEMPTS,
  approvalSteps,
  decide,
  type CommandContext,
  type LifecycleCommand,
  type PartnerRequest,
  type Person,
  type RequestSubject,
} from '../../domain';
import { sampleLookup } from '../support/sample-directory';

const { person } = sampleLookup();
const T0 = new Date('2026-11-01T09:00:00Z');

function request(subject: RequestSubject, requester: Person, status: PartnerRequest['status'] = 'pending_approval'): PartnerRequest {
  return {
    id: 'PL-TEST0001',
    subject,
    status,
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
const linkReq = (status?: PartnerRequest['status']) =>
  request({ kind: 'link_distributor', resellerId: 'sakura-cloud', providerId: 'contoso-distribution-jp' }, person('aiko-tanaka'), status);
const partnerReq = () =>
  request({ kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure' }, person('yuki-suzuki'));

const ctx = (who?: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  ...(who ? { person: person(who) } : {}),
  platform: 'teams',
  now: new Date('2026-11-02T09:00:00Z'),
  policy: DEFAULT_POLICY,
  ...extra,
});

function applied(r: PartnerRequest, cmd: LifecycleCommand, c: CommandContext) {
  const d = decide(r, cmd, c);
  if (d.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(d)}`);
  return d;
}

describe('request lifecycle', () => {
  it('routes a submitted request to pending approval', () => {
    const d = applied(linkReq('submitted'), { type: 'route' }, ctx());
    expect(d.next.status).toBe('pending_approval');
    expect(d.next.version).toBe(3);
    expect(d.entry).toMatchObject({ action: 'route', from: 'submitted', to: 'pending_approval', actor: { type: 'system' } });
  });

  it('the distributor admin approves a link; the audit entry records who, where, when, from and to', () => {
    const d = applied(linkReq(), { type: 'approve' }, ctx('hiroshi-yamada'));
    expect(d.next.status).toBe('approved');
    expect(d.next.decision).toMatchObject({ status: 'approved', actor: { personId: 'hiroshi-yamada' }, platform: 'teams' });
    expect(d.next.audit).toHaveLength(1);
    expect(d.entry).toMatchObject({ action: 'approve', from: 'pending_approval', to: 'approved', at: new Date('2026-11-02T09:00:00Z') });
  });

  it('add_partner needs the partner admin, then the customer admin', () => {
    const first = applied(partnerReq(), { type: 'approve' }, ctx('daniel-park'));
    expect(first.next).toMatchObject({ status: 'pending_approval', stage: 1 });
    expect(first.next.steps[0]).toMatchObject({ decidedBy: 'daniel-park' });
    // the partner admin cannot also give the customer's consent
    expect(decide(first.next, { type: 'approve' }, ctx('emily-clark'))).toMatchObject({ kind: 'refused', refusal: { code: 'NOT_AN_APPROVER' } });
    const second = applied(first.next, { type: 'approve' }, ctx('taro-ito'));
    expect(second.next.status).toBe('approved');
  });

  it('NOT_AN_APPROVER: a non-admin of the approving org is refused and the attempt is audited', () => {
    for (const who of ['naoki-mori', 'lena-vogel', 'aiko-tanaka']) {
      const d = decide(linkReq(), { type: 'approve' }, ctx(who));
      expect(d.kind).toBe('refused');
      if (d.kind !== 'refused') continue;
      expect(d.refusal.code).toBe('NOT_AN_APPROVER');
      expect(d.attempt).toMatchObject({ action: 'refused', code: 'NOT_AN_APPROVER', from: 'pending_approval', to: 'pending_approval', actor: { personId: who } });
    }
  });

  it(`refused attempts: the first ${KEPT_REFUSED_ATTEMPTS} per person are kept, later ones counted on the last kept one`, () => {
    const r = linkReq();
    const record = (who: string) => {
      const d = decide(r, { type: 'approve' }, ctx(who));
      if (d.kind !== 'refused') throw new Error('expected refused');
      if (d.attempt) r.audit.push(d.attempt);
      return d;
    };
    for (let i = 0; i < KEPT_REFUSED_ATTEMPTS; i++) expect(record('naoki-mori')).toMatchObject({ attempt: { actor: { personId: 'naoki-mori' } } });
    const lastKept = r.audit.length - 1;
    const more = record('naoki-mori');
    expect(more.attempt).toBeUndefined();
    expect(more.repeatOf).toBe(lastKept);
    expect(more.refusal.code).toBe('NOT_AN_APPROVER');
    // Someone else's attempts are their own: kept, not counted on Naoki's.
    expect(record('lena-vogel')).toMatchObject({ attempt: { actor: { personId: 'lena-vogel' } } });
    expect(record('naoki-mori').repeatOf).toBe(lastKept);
  });

  it('a refused attempt after the expiry is bounded like any other: beyond the kept ones it is counted, and the request still expires', () => {
    // Found by the model test (seed -428202718): the late path dropped the count.
    const r = linkReq();
    for (let i = 0; i < KEPT_REFUSED_ATTEMPTS; i++) {
      const d = decide(r, { type: 'approve' }, ctx('naoki-mori'));
      if (d.kind === 'refused' && d.attempt) r.audit.push(d.attempt);
    }
    const lastKept = r.audit.length - 1;
    const late = decide(r, { type: 'approve' }, ctx('naoki-mori', { now: new Date(r.expiresAt.getTime() + 1) }));
    if (late.kind !== 'refused') throw new Error(`expected refused, got ${late.kind}`);
    expect(late.refusal.code).toBe('REQUEST_EXPIRED');
    expect(late.expire?.next.status).toBe('expired');
    expect(late.attempt).toBeUndefined();
    expect(late.repeatOf).toBe(lastKept);
  });

  it('REASON_REQUIRED: a rejection needs a reason', () => {
    expect(decide(linkReq(), { type: 'reject', reason: '   ' }, ctx('hiroshi-yamada'))).toMatchObject({ kind: 'refused', refusal: { code: 'REASON_REQUIRED' } });
    const d = applied(linkReq(), { type: 'reject', reason: 'Credit check pending' }, ctx('hiroshi-yamada'));
    expect(d.next.decision).toMatchObject({ status: 'rejected', reason: 'Credit check pending' });
  });

  it('only the requester can cancel', () => {
    expect(decide(linkReq(), { type: 'cancel' }, ctx('hiroshi-yamada'))).toMatchObject({ kind: 'refused', refusal: { code: 'NOT_THE_REQUESTER' } });
    expect(applied(linkReq(), { type: 'cancel' }, ctx('aiko-tanaka')).next.status).toBe('cancelled');
  });

  it('a repeated identical command is idempotent; a different one on a closed request is refused with who and when', () => {
    const done = applied(linkReq(), { type: 'approve' }, ctx('hiroshi-yamada')).next;
    expect(decide(done, { type: 'approve' }, ctx('hiroshi-yamada'))).toEqual({ kind: 'unchanged', request: done });
    const other = decide(done, { type: 'reject', reason: 'no' }, ctx('emily-clark'));
    expect(other).toMatchObject({ kind: 'refused', refusal: { code: 'REQUEST_ALREADY_CLOSED' } });
    if (other.kind === 'refused') {
      expect(other.refusal.message.en).toContain('Hiroshi Yamada');
      expect(other.refusal.message.en).toContain('2026-11-02 09:00');
    }
  });

  it('a command ID seen before is idempotent even from another platform', () => {
    const done = applied(linkReq(), { type: 'approve' }, ctx('hiroshi-yamada', { commandId: 'click-1' })).next;
    expect(decide(done, { type: 'approve' }, ctx('hiroshi-yamada', { commandId: 'click-1', platform: 'slack' })).kind).toBe('unchanged');
  });

  it('STALE_CARD: a card older than the request is refused without change', () => {
    const r = linkReq();
    expect(decide(r, { type: 'approve' }, ctx('hiroshi-yamada', { expectedVersion: 1 }))).toMatchObject({ kind: 'refused', refusal: { code: 'STALE_CARD' } });
    expect(decide(r, { type: 'approve' }, ctx('hiroshi-yamada', { expectedVersion: 2 })).kind).toBe('applied');
  });

  it('expires only after the configured age', () => {
    const r = linkReq();
    expect(decide(r, { type: 'expire' }, ctx()).kind).toBe('unchanged');
    const late = ctx(undefined, { now: new Date(r.expiresAt.getTime() + 1) });
    expect(applied(r, { type: 'expire' }, late).next.status).toBe('expired');
  });

  it('closed states are final: nothing leaves approved, rejected, cancelled or expired', () => {
    for (const status of ['approved', 'rejected', 'cancelled', 'expired'] as const) {
      const r = linkReq(status);
      for (const cmd of [{ type: 'approve' }, { type: 'reject', reason: 'x' }, { type: 'cancel' }, { type: 'expire' }, { type: 'route' }] as LifecycleCommand[]) {
        const d = decide(r, cmd, ctx(cmd.type === 'cancel' ? 'aiko-tanaka' : cmd.type === 'route' || cmd.type === 'expire' ? undefined : 'hiroshi-yamada'));
        expect(d.kind).not.toBe('applied');
      }
    }
  });

  // Issue 15: a decision or cancel at or after the expiry.
  it.each([
    ['approve', { type: 'approve' }, 'hiroshi-yamada'],
    ['reject', { type: 'reject', reason: 'too late anyway' }, 'hiroshi-yamada'],
    ['cancel', { type: 'cancel' }, 'aiko-tanaka'],
  ] as const)('%s at or after expiresAt is refused with REQUEST_EXPIRED, and the request expires then (by the system)', (_name, cmd, who) => {
    const r = linkReq();
    for (const now of [r.expiresAt, new Date(r.expiresAt.getTime() + 86_400_000)]) {
      const d = decide(r, cmd as LifecycleCommand, ctx(who, { now }));
      if (d.kind !== 'refused') throw new Error(`expected refused, got ${d.kind}`);
      expect(d.refusal.code).toBe('REQUEST_EXPIRED');
      expect(d.refusal.message.en).toContain('expired on');
      expect(d.expire?.next).toMatchObject({ status: 'expired', version: r.version + 1, decision: { status: 'expired', actor: { type: 'system' } } });
      expect(d.expire?.entry).toMatchObject({ action: 'expire', from: 'pending_approval', to: 'expired', platform: 'system' });
      expect(d.attempt).toMatchObject({ action: 'refused', code: 'REQUEST_EXPIRED', actor: { personId: who } });
    }
    // A moment before, the same command is not refused for expiry.
    const before = decide(r, cmd as LifecycleCommand, ctx(who, { now: new Date(r.expiresAt.getTime() - 1) }));
    expect(before.kind === 'refused' ? before.refusal.code : before.kind).toBe('applied');
  });
});
