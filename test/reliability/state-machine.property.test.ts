import fc from 'fast-check';
import {
  DEFAULT_POLICY,
  RequestSchema,
  approvalSteps,
  decide,
  isClosed,
  type LifecycleCommand,
  type PartnerRequest,
  type RequestSubject,
} from '../../domain';
import { sampleLookup } from '../support/sample-directory';

const { person } = sampleLookup();
const PEOPLE = ['mei-kobayashi', 'hiroshi-yamada', 'emily-clark', 'naoki-mori', 'daniel-park', 'taro-ito', 'yuki-suzuki', 'aiko-tanaka'];
const T0 = new Date('2026-11-01T00:00:00Z');

const SUBJECTS: RequestSubject[] = [
  { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' },
  { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure' },
  { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61' },
];
const REQUESTERS: Record<string, string> = { link_distributor: 'mei-kobayashi', add_partner: 'yuki-suzuki', multichannel_support: 'yuki-suzuki' };

function fresh(subject: RequestSubject): PartnerRequest {
  const requester = person(REQUESTERS[subject.kind]!);
  return {
    id: 'PL-PROP0001',
    subject,
    status: 'submitted',
    version: 1,
    requester: { personId: requester.id, orgId: requester.orgId, platform: 'teams' },
    steps: approvalSteps(subject),
    stage: 0,
    createdAt: T0,
    updatedAt: T0,
    expiresAt: new Date(T0.getTime() + 90 * 86_400_000),
    checks: [],
    audit: [{ at: T0, actor: { type: 'person', personId: requester.id, name: requester.name, orgId: requester.orgId }, platform: 'teams', action: 'submit', from: null, to: 'submitted' }],
  };
}

const command: fc.Arbitrary<LifecycleCommand> = fc.oneof(
  fc.constant<LifecycleCommand>({ type: 'route' }),
  fc.constant<LifecycleCommand>({ type: 'approve' }),
  fc.string({ maxLength: 20 }).map<LifecycleCommand>((reason) => ({ type: 'reject', reason })),
  fc.constant<LifecycleCommand>({ type: 'cancel' }),
  fc.constant<LifecycleCommand>({ type: 'expire' }),
);
const step = fc.record({
  cmd: command,
  who: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
  days: fc.integer({ min: 0, max: 40 }),
  staleBy: fc.integer({ min: -1, max: 1 }),
  commandId: fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: undefined }),
});

describe('request state machine (property-based)', () => {
  it('no sequence of commands reaches an invalid state, leaves a closed state, or loses an audit entry', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBJECTS), fc.array(step, { maxLength: 25 }), (subject, steps) => {
        let r = fresh(subject);
        let now = T0;
        for (const s of steps) {
          now = new Date(now.getTime() + s.days * 86_400_000);
          const before = r;
          const d = decide(r, s.cmd, {
            ...(s.who ? { person: person(s.who) } : {}),
            platform: 'teams',
            now,
            policy: DEFAULT_POLICY,
            ...(s.staleBy !== 0 ? { expectedVersion: r.version + s.staleBy } : {}),
            ...(s.commandId ? { commandId: s.commandId } : {}),
          });
          if (d.kind === 'applied') {
            r = d.next;
            expect(r.version).toBe(before.version + 1);
            expect(r.audit.slice(0, before.audit.length)).toEqual(before.audit); // nothing lost or rewritten
            expect(r.audit).toHaveLength(before.audit.length + 1);
            expect(r.audit.at(-1)).toEqual(d.entry);
            expect(d.entry.from).toBe(before.status);
            expect(d.entry.to).toBe(r.status);
            expect(isClosed(before.status)).toBe(false); // nothing leaves a closed state
            if (r.status === 'rejected') expect(r.decision?.reason?.trim()).toBeTruthy();
            if (isClosed(r.status)) expect(r.decision?.status).toBe(r.status);
            if (r.status === 'approved') expect(r.steps.every((x) => x.decidedBy)).toBe(true);
            if (s.cmd.type === 'cancel') expect(s.who).toBe(REQUESTERS[subject.kind]);
          } else {
            expect(d.kind === 'unchanged' ? d.request : r).toBe(r);
            if (d.kind === 'refused' && d.attempt) {
              // a refused attempt is recorded without changing state
              r = { ...r, audit: [...r.audit, d.attempt] };
              expect(d.attempt.from).toBe(d.attempt.to);
            }
          }
          expect(RequestSchema.safeParse(r).success).toBe(true);
          expect(r.stage).toBeLessThan(r.steps.length);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) },
    );
  });
});
