import {
  CHANNEL_LABELS,
  WORKLOAD_LABELS,
  currentApproverOrg,
  describedSubscriptionOf,
  handedOverTo,
  isClosed as isClosedStatus,
  type Organization,
  type PartnerRequest,
  type RequestSubject,
  type Subscription,
  type DescribedSubscription,
} from '../domain';
import { daysUntil, formatDate, formatDateTime, subscriptionLabel, type OrgNamer } from './format';
import type { CardContext, RequestView } from './models';
import type { CardStrings } from './strings';
import { adminRolesText } from './add-partner-fulfilment';

export type FactPair = readonly [string, string | undefined];

/** The facts of what is asked: who with whom, for what. */
export function subjectFacts(
  subject: RequestSubject,
  names: OrgNamer,
  s: CardStrings,
  ctx: CardContext,
  subscription?: Subscription,
): FactPair[] {
  switch (subject.kind) {
    case 'link_distributor':
      return [
        [s.fact.reseller, names.name(subject.resellerId)],
        [s.fact.distributor, names.name(subject.providerId)],
      ];
    case 'add_partner':
      return [
        [s.fact.customer, names.name(subject.customerId)],
        [s.fact.partner, names.name(subject.partnerId)],
        [s.fact.workload, WORKLOAD_LABELS[subject.workload][ctx.locale]],
        // Issue 17: the admin roles (GDAP) asked for the partner, if any.
        [s.addPartnerLink.adminRoles, adminRolesText(subject, s)],
      ];
    case 'multichannel_support':
      return [
        [s.fact.customer, names.name(subject.customerId)],
        [s.fact.partner, names.name(subject.partnerId)],
        // Issue 18: a subscription the directory does not hold is shown as the customer described it, marked.
        ...subscriptionFacts(subscription ?? describedSubscriptionOf(subject), subject.subscriptionId, s, ctx, subscription ? undefined : subject.described),
      ];
  }
}

export function subscriptionFacts(sub: Subscription | undefined, id: string, s: CardStrings, ctx: CardContext, described?: DescribedSubscription): FactPair[] {
  if (!sub) return [[s.fact.subscription, id]];
  const marked: FactPair[] = described
    ? [
        [s.fact.subscriptionIdFact, described.idGiven ? id : s.form.describe.idNotGiven],
        [s.fact.subscriptionSource, s.form.describe.described],
      ]
    : [];
  return [
    [s.fact.subscription, subscriptionLabel(sub.name, WORKLOAD_LABELS[sub.workload][ctx.locale])],
    [s.fact.boughtThrough, CHANNEL_LABELS[sub.channel][ctx.locale]],
    [s.fact.billing, s.billing[sub.billing]],
    [s.fact.termEnds, sub.termEndsOn ? formatDate(sub.termEndsOn, ctx, true) : undefined],
    ...marked,
  ];
}

/** Who the requesting organization is, for an approver checking it: PartnerID and tenant ID. */
export function identityFacts(org: Organization | undefined, s: CardStrings): FactPair[] {
  if (!org) return [];
  return [
    [s.fact.partnerId, org.kind === 'customer' ? undefined : org.partnerId],
    [s.fact.tenantId, org.primaryDomain ? `${org.tenantId} (${org.primaryDomain})` : org.tenantId],
  ];
}

/** The organization the subject is "about" from the requester's side: the distributor or the partner. */
export function counterpartId(subject: RequestSubject): string {
  return subject.kind === 'link_distributor' ? subject.providerId : subject.partnerId;
}

export function requesterLabel(view: RequestView, names: OrgNamer): string {
  const org = names.name(view.request.requester.orgId);
  return view.requester ? `${view.requester.name} (${org})` : org;
}

export function expiryText(request: PartnerRequest, s: CardStrings, ctx: CardContext): string {
  const date = formatDate(request.expiresAt, ctx);
  const days = daysUntil(request.expiresAt, ctx);
  return days === undefined ? date : `${date} (${s.time.daysLeft(days)})`;
}

/** The standard facts of a request: ID, kind, status, the subject, requester and dates. */
export function requestFacts(view: RequestView, names: OrgNamer, s: CardStrings, ctx: CardContext): FactPair[] {
  const r = view.request;
  const awaiting = currentApproverOrg(r);
  return [
    [s.fact.requestId, r.id],
    [s.fact.request, s.kind[r.subject.kind]],
    [s.fact.status, s.status[r.status]],
    ...subjectFacts(r.subject, names, s, ctx, view.subscription),
    [s.fact.requestedBy, requesterLabel(view, names)],
    [s.fact.submitted, formatDateTime(r.createdAt, ctx)],
    [s.fact.awaiting, awaiting ? names.name(awaiting) : undefined],
    ...whoMustActFacts(view, names, s),
    [s.fact.expires, awaiting ? expiryText(r, s, ctx) : undefined],
    ...partnerCheckFacts(r, s, ctx),
  ];
}

/** Issue 17: a request filed "not yet verified" says so (and later, what the check found). */
export function partnerCheckFacts(r: PartnerRequest, s: CardStrings, ctx: CardContext): FactPair[] {
  const c = r.partnerCheck;
  if (!c) return [];
  const value = c.state === 'pending' ? s.partnerCheck.pending : c.state === 'verified' ? s.partnerCheck.verified(c.checkedAt ? formatDateTime(c.checkedAt, ctx) : '') : s.partnerCheck.failed;
  return [[s.partnerCheck.label, value]];
}

/** Issue 15: the current step (of how many, which organization) and the people who can decide it. */
export function whoMustActFacts(view: RequestView, names: OrgNamer, s: CardStrings): FactPair[] {
  const r = view.request;
  const awaiting = currentApproverOrg(r);
  if (!awaiting || view.deciders === undefined) return [];
  const people = view.deciders.map((p) => p.name);
  return [
    [s.work.currentStep, s.work.stepValue(r.stage + 1, r.steps.length, names.name(awaiting))],
    [s.work.canDecide, people.length ? people.join(', ') : s.work.nobodyOnRecord],
  ];
}

/** Issue 15: the lines that say what happened before this card (earlier steps, hand-over, change). */
export function historyLines(view: RequestView, s: CardStrings, ctx: CardContext): string[] {
  const r = view.request;
  const lines: string[] = [];
  const lastChange = [...r.audit].reverse().find((e) => e.action === 'change');
  for (const e of r.audit) {
    if (e.action === 'approve' && e.stage !== undefined && e.stage < r.stage && (!lastChange || e.at >= lastChange.at)) {
      lines.push(s.work.stepApprovedBy(e.stage + 1, e.actor.name, formatDateTime(e.at, ctx)));
    }
  }
  if (lastChange && !isClosedStatus(r.status)) lines.push(s.work.changedBy(lastChange.actor.name, formatDateTime(lastChange.at, ctx)));
  const handed = handedOverTo(r);
  const handover = handed && [...r.audit].reverse().find((e) => e.action === 'handover');
  if (handed && handover) lines.push(s.work.handedOverBy(handover.actor.name, handed.name));
  return lines;
}
