import { regionOfCountry } from './geography';
import { CHANNEL_LABELS, CLOUD_LABELS, REGION_LABELS } from './labels';
import type { Bilingual } from './messages';
import { sellsToCustomers, type Organization } from './organization';
import type { Person } from './person';
import type { DomainPolicy } from './policy';
import type { PartnerCustomerRelationship, ProviderResellerLink, PurchaseChannel, Subscription } from './relationship';
import type { RequestSubject } from './request';
import { advisory, VerdictBuilder, type Verdict } from './result';
import { WORKLOAD_LABELS, type Workload } from './workload';

/** Channels multi-channel support covers: bought from Microsoft, Advisor, Open, EA, or a non-CSP third party. */
export const MULTICHANNEL_ELIGIBLE_CHANNELS: readonly PurchaseChannel[] = [
  'microsoft_direct',
  'advisor',
  'open',
  'ea',
  'third_party',
];

/** 2027-09-30 in English, 2027年9月30日 in Japanese (UTC calendar date). */
function isoAndJapaneseDate(d: Date): Bilingual {
  return { en: d.toISOString().slice(0, 10), ja: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` };
}

export const nameOf = (org: Pick<Organization, 'name' | 'nameJa'>): Bilingual => ({
  en: org.name,
  ja: org.nameJa ?? org.name,
});

/** Two parties in the same CSP region and the same cloud, and that cloud open to new relationships. */
function checkSameMarket(b: VerdictBuilder, a: Organization, other: Organization, policy: DomainPolicy, field: string) {
  const ra = regionOfCountry(a.country, policy.markets);
  const ro = regionOfCountry(other.country, policy.markets);
  b.check('REGION_MISMATCH', ra !== undefined && ra === ro, {
    a: nameOf(a),
    b: nameOf(other),
    regionA: ra ? REGION_LABELS[ra] : a.country,
    regionB: ro ? REGION_LABELS[ro] : other.country,
  }, field);
  b.check('CLOUD_MISMATCH', a.cloud === other.cloud, {
    a: nameOf(a),
    b: nameOf(other),
    cloudA: CLOUD_LABELS[a.cloud],
    cloudB: CLOUD_LABELS[other.cloud],
  }, field);
  const closed = [a.cloud, other.cloud].find((c) => policy.closedClouds.includes(c));
  b.check('CLOUD_CLOSED', closed === undefined, { cloud: closed ? CLOUD_LABELS[closed] : '' });
}

export interface LinkDistributorFacts {
  requester: Person;
  reseller: Organization;
  provider: Organization;
  /** The reseller's existing links. */
  links: readonly ProviderResellerLink[];
  /** ID of an open request for the same link, if any. */
  openRequestId?: string;
  /** Issue 17: that request is already approved and completing in Partner Center. */
  openRequestCompleting?: boolean;
  policy: DomainPolicy;
}

export function validateLinkDistributor(f: LinkDistributorFacts): Verdict {
  const b = new VerdictBuilder();
  b.check('REQUESTER_NOT_IN_ORGANIZATION', f.requester.orgId === f.reseller.id, {
    org: f.requester.orgId,
    target: nameOf(f.reseller),
  });
  b.check('RESELLER_NOT_ENROLLED', f.reseller.kind === 'indirect_reseller' && f.reseller.enrolled, {
    reseller: nameOf(f.reseller),
  });
  b.check('PROVIDER_NOT_AUTHORIZED', f.provider.kind === 'indirect_provider' && f.provider.authorized, {
    provider: nameOf(f.provider),
  }, 'providerId');
  checkSameMarket(b, f.reseller, f.provider, f.policy, 'providerId');
  const linked = f.links.some((l) => l.providerId === f.provider.id && l.resellerId === f.reseller.id);
  b.check('DUPLICATE_RELATIONSHIP', !linked, { a: nameOf(f.reseller), b: nameOf(f.provider) }, 'providerId');
  b.check('DUPLICATE_PENDING_REQUEST', !f.openRequestId, duplicateParams(f));
  return b.build();
}

/** A customer-side request must come from the customer, to a partner that sells to customers. */
function checkCustomerSide(b: VerdictBuilder, requester: Person, customer: Organization, partner: Organization) {
  b.check('REQUESTER_NOT_IN_ORGANIZATION', requester.orgId === customer.id, {
    org: requester.orgId,
    target: nameOf(customer),
  });
  // A partner org in the customer seat is its CSP transacting tenant by construction.
  b.check('CSP_TO_CSP_RESALE', customer.kind === 'customer' && !customer.cspTransactingTenant, {
    customer: nameOf(customer),
  });
  b.check('NOT_A_CUSTOMER_PARTNER', sellsToCustomers(partner), { partner: nameOf(partner) }, 'partnerId');
}

/**
 * An indirect reseller sells to customers only through a distributor: it must be enrolled, and linked
 * with at least one authorized distributor in its own CSP region and cloud. `distributors` are the
 * organizations it is linked with; when a caller does not give them, only enrolment is checked.
 */
function checkResellerCanTransact(b: VerdictBuilder, partner: Organization, distributors: readonly Organization[] | undefined, policy: DomainPolicy) {
  if (partner.kind !== 'indirect_reseller') return;
  const region = regionOfCountry(partner.country, policy.markets);
  const linked = distributors === undefined || distributors.some((d) =>
    d.kind === 'indirect_provider' && d.authorized && d.cloud === partner.cloud
    && region !== undefined && regionOfCountry(d.country, policy.markets) === region);
  const why = !partner.enrolled ? 'not_enrolled' : linked ? undefined : 'no_distributor';
  b.check('RESELLER_CANNOT_TRANSACT', why === undefined, { partner: nameOf(partner), why }, 'partnerId');
}

function checkOffers(b: VerdictBuilder, partner: Organization, workload: Workload) {
  const offers = partner.kind !== 'customer' && partner.workloads.includes(workload);
  b.check('WORKLOAD_NOT_OFFERED', offers, { partner: nameOf(partner), workload: WORKLOAD_LABELS[workload] }, 'partnerId');
}

function checkSinglePartnerCloud(
  b: VerdictBuilder,
  customer: Organization,
  partner: Organization,
  relationships: readonly PartnerCustomerRelationship[],
  existingPartnerName: (partnerId: string) => Bilingual,
  policy: DomainPolicy,
) {
  if (!policy.singlePartnerClouds.includes(customer.cloud)) return;
  const other = relationships.find((r) => r.customerId === customer.id && r.partnerId !== partner.id);
  b.check('NATIONAL_CLOUD_SINGLE_PARTNER', !other, {
    cloud: CLOUD_LABELS[customer.cloud],
    customer: nameOf(customer),
    existing: other ? existingPartnerName(other.partnerId) : '',
  }, 'partnerId');
}

export interface AddPartnerFacts {
  requester: Person;
  customer: Organization;
  partner: Organization;
  workload: Workload;
  /** The customer's existing partner relationships (all workloads). */
  relationships: readonly PartnerCustomerRelationship[];
  /** Display name of a partner by ID, for messages about existing relationships. */
  partnerName?: (partnerId: string) => Bilingual;
  openRequestId?: string;
  openRequestCompleting?: boolean;
  policy: DomainPolicy;
  /** The distributors the partner is linked with (for an indirect reseller). */
  partnerDistributors?: readonly Organization[];
}

export function validateAddPartner(f: AddPartnerFacts): Verdict {
  const b = new VerdictBuilder();
  checkCustomerSide(b, f.requester, f.customer, f.partner);
  checkOffers(b, f.partner, f.workload);
  checkResellerCanTransact(b, f.partner, f.partnerDistributors, f.policy);
  checkSameMarket(b, f.customer, f.partner, f.policy, 'partnerId');
  const name = f.partnerName ?? ((id: string) => ({ en: id, ja: id }));
  checkSinglePartnerCloud(b, f.customer, f.partner, f.relationships, name, f.policy);
  const exists = f.relationships.some(
    (r) => r.customerId === f.customer.id && r.partnerId === f.partner.id && r.workload === f.workload,
  );
  b.check('DUPLICATE_RELATIONSHIP', !exists, {
    a: nameOf(f.customer),
    b: nameOf(f.partner),
    workload: WORKLOAD_LABELS[f.workload],
  }, 'partnerId');
  b.check('DUPLICATE_PENDING_REQUEST', !f.openRequestId, duplicateParams(f));
  return b.build();
}

export interface MultichannelFacts {
  requester: Person;
  customer: Organization;
  partner: Organization;
  subscription: Subscription;
  relationships: readonly PartnerCustomerRelationship[];
  partnerName?: (partnerId: string) => Bilingual;
  openRequestId?: string;
  openRequestCompleting?: boolean;
  policy: DomainPolicy;
  now: Date;
  /** The distributors the partner is linked with (for an indirect reseller). */
  partnerDistributors?: readonly Organization[];
}

export function validateMultichannel(f: MultichannelFacts): Verdict {
  const b = new VerdictBuilder();
  const sub = f.subscription;
  checkCustomerSide(b, f.requester, f.customer, f.partner);
  b.check('SUBSCRIPTION_NOT_OWNED', sub.customerId === f.customer.id, {
    subscription: sub.name,
    customer: nameOf(f.customer),
  }, 'subscriptionId');
  checkOffers(b, f.partner, sub.workload);
  checkResellerCanTransact(b, f.partner, f.partnerDistributors, f.policy);
  checkSameMarket(b, f.customer, f.partner, f.policy, 'partnerId');
  const name = f.partnerName ?? ((id: string) => ({ en: id, ja: id }));
  checkSinglePartnerCloud(b, f.customer, f.partner, f.relationships, name, f.policy);
  b.check('MULTICHANNEL_CHANNEL_INELIGIBLE', MULTICHANNEL_ELIGIBLE_CHANNELS.includes(sub.channel), {
    subscription: sub.name,
    channel: CHANNEL_LABELS[sub.channel],
  }, 'subscriptionId');
  if (sub.billing === 'license') {
    const midTerm = sub.termEndsOn !== undefined && sub.termEndsOn.getTime() > f.now.getTime();
    b.check('MULTICHANNEL_LICENSE_MID_TERM', !midTerm, {
      subscription: sub.name,
      termEndsOn: sub.termEndsOn ? isoAndJapaneseDate(sub.termEndsOn) : undefined,
    }, 'subscriptionId');
    if (!sub.termEndsOn) b.note(advisory('LICENSE_TERM_UNKNOWN', { subscription: sub.name }));
  } else {
    b.note(advisory('USAGE_BASED_NEW_SUBSCRIPTION', { subscription: sub.name }));
  }
  b.check('DUPLICATE_RELATIONSHIP', !sub.supportedBy.includes(f.partner.id), {
    a: nameOf(f.customer),
    b: nameOf(f.partner),
    workload: sub.name,
  }, 'partnerId');
  b.check('DUPLICATE_PENDING_REQUEST', !f.openRequestId, duplicateParams(f));
  return b.build();
}

// --- Issue 17: Microsoft Partner Center's record of a reseller (the application layer asks, the rules decide). ---

/** What Partner Center said about the reseller's PartnerID: whether it knows it, and whether the MPA is signed. */
export interface PartnerRecordFacts {
  /** The organization checked (the reseller). */
  partner: Pick<Organization, 'name' | 'nameJa'> & { partnerId: string };
  /** GET /profiles/mpn?mpnId= found it. */
  found: boolean;
  /** GET /compliance/csp/agreementstatus: true when signed; not asked when the PartnerID is unknown. */
  agreementSigned?: boolean;
}

/**
 * The organization whose Partner Center record a request depends on: the reseller asking to be linked
 * with a distributor, or the reseller a customer asks for. Only indirect resellers are checked: the
 * agreement status call is documented for indirect resellers, and the operator itself is a provider.
 */
export function partnerToVerify(subject: RequestSubject, org: (id: string) => Organization | undefined): PartnerOrganizationRef | undefined {
  const id = subject.kind === 'link_distributor' ? subject.resellerId : subject.partnerId;
  const o = id ? org(id) : undefined;
  return o && o.kind === 'indirect_reseller' ? { orgId: o.id, partnerId: o.partnerId, name: o.name, ...(o.nameJa ? { nameJa: o.nameJa } : {}) } : undefined;
}

export interface PartnerOrganizationRef {
  orgId: string;
  partnerId: string;
  name: string;
  nameJa?: string;
}

/** The two checks at filing time: the PartnerID exists in Partner Center, and the Microsoft Partner Agreement is signed. */
export function validatePartnerRecord(f: PartnerRecordFacts): Verdict {
  const b = new VerdictBuilder();
  const params = { org: nameOf(f.partner), partnerId: f.partner.partnerId };
  b.check('PARTNER_ID_NOT_FOUND', f.found, params);
  if (f.found) b.check('PARTNER_AGREEMENT_NOT_SIGNED', f.agreementSigned === true, params);
  return b.build();
}

/** The duplicate's reason names the request, and says when it is already approved and completing in Partner Center. */
function duplicateParams(f: { openRequestId?: string; openRequestCompleting?: boolean }) {
  return { requestId: f.openRequestId, ...(f.openRequestCompleting ? { stage: 'completing' } : {}) };
}
