import { approvalCard, decidedCard, myRequestsCard, requestDetailCard, MAX_LISTED_REQUESTS, type AdaptiveCard } from '../../cards';
import { OrganizationSchema, PersonSchema, RULE_CODES, type AuditEntry, type Locale, type PartnerRequest } from '../../domain';
import { linkPending, linkRejected, ORGS, PEOPLE } from '../support/card-fixtures';
import { sampleContext } from '../support/card-samples';
import { cardBytes, cardProblems, MAX_CARD_BYTES } from '../support/card-validator';

/** The longest values the domain allows, in the widest script (3 bytes a character in UTF-8). */
const long = (n: number) => '長'.repeat(n);
const orgs = Object.values(ORGS).map((o) => OrganizationSchema.parse({ ...o, name: 'W'.repeat(200), nameJa: long(200) }));
const person = PersonSchema.parse({ ...PEOPLE.haruka, name: long(200) });
const actor = { type: 'person' as const, personId: person.id, name: long(200), orgId: person.orgId };
const entry = (i: number): AuditEntry => ({
  at: new Date(linkPending.createdAt.getTime() + i * 60_000),
  actor,
  platform: 'teams',
  action: 'refused',
  from: 'pending_approval',
  to: 'pending_approval',
  code: 'NOT_AN_APPROVER',
  reason: long(2000),
});
const worst: PartnerRequest = {
  ...linkRejected,
  checks: [...RULE_CODES],
  decision: { ...linkRejected.decision!, actor, reason: long(2000) },
  audit: Array.from({ length: 200 }, (_, i) => entry(i)),
};
const view = { request: worst, organizations: orgs, requester: person };

const worstCards: [string, (ctx: ReturnType<typeof sampleContext>) => AdaptiveCard][] = [
  ['request detail, 200 audit entries', (ctx) => requestDetailCard({ ...view, viewer: person }, ctx)],
  ['decided, longest reason', (ctx) => decidedCard({ view }, ctx)],
  [
    'approval, every check, 80 approvers',
    (ctx) =>
      approvalCard(
        { view: { ...view, request: { ...linkPending, checks: [...RULE_CODES] } }, approverUserIds: Array.from({ length: 80 }, (_, i) => `29:1${'a'.repeat(60)}${i}`) },
        ctx,
      ),
  ],
  [
    'my requests, 100 requests',
    (ctx) =>
      myRequestsCard(
        { requests: Array.from({ length: 100 }, (_, i) => ({ ...linkPending, id: `PL-${String(i).padStart(8, '0')}` })), organizations: orgs, viewer: PEOPLE.haruka },
        ctx,
      ),
  ],
];

describe.each<Locale>(['en', 'ja'])('worst cases stay valid and under 28 KB (%s)', (locale) => {
  it.each(worstCards)('%s', (_name, build) => {
    const card = build(sampleContext(locale));
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(cardProblems(card)).toEqual([]);
  });

  it(`my requests lists at most ${MAX_LISTED_REQUESTS}, newest first`, () => {
    const requests = Array.from({ length: 15 }, (_, i) => ({
      ...linkPending,
      id: `PL-${String(i).padStart(8, '0')}`,
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)),
    }));
    const json = JSON.stringify(myRequestsCard({ requests, organizations: orgs, viewer: PEOPLE.haruka }, sampleContext(locale)));
    expect(json).toContain('PL-00000014');
    expect(json).not.toContain('PL-00000004');
  });
});
