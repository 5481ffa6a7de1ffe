import { isActive, type Organization } from '../organization';
import type { Person } from '../person';
import type { DomainPolicy } from '../policy';
import type { DirectoryPort } from '../ports/directory.port';
import type { RequestRepositoryPort } from '../ports/request-repository.port';
import type { PartnerCustomerRelationship, ProviderResellerLink, Subscription } from '../relationship';
import { describedSubscriptionOf, subjectKey, type PartnerRequest, type RequestSubject } from '../request';
import { refusal, type Refusal, type Verdict } from '../result';
import { nameOf, validateAddPartner, validateLinkDistributor, validateMultichannel } from '../rules';

export interface FactSources {
  directory: DirectoryPort;
  requests: RequestRepositoryPort;
  policy: DomainPolicy;
  now: Date;
}

/**
 * What validating a subject came to: the rules' verdict, or a refusal before any rule could run (the
 * person picked an organization or subscription we do not know). Callers switch on `kind`.
 */
export type Validation = { kind: 'checked'; verdict: Verdict } | { kind: 'refused'; refusal: Refusal };

const checked = (verdict: Verdict): Validation => ({ kind: 'checked', verdict });
const unknown = (code: 'UNKNOWN_ORGANIZATION' | 'UNKNOWN_SUBSCRIPTION', value: string, field: string): Validation => ({
  kind: 'refused',
  refusal: refusal(code, { value }, field),
});

/** The organizations a subject names, as [first, second]: reseller and provider, or customer and partner. */
function partiesOf(s: RequestSubject): [string, string] {
  return s.kind === 'link_distributor' ? [s.resellerId, s.providerId] : [s.customerId, s.partnerId];
}

/** What the rules need for many subjects, read with a fixed number of queries whatever their number. */
interface Facts {
  org: Map<string, Organization>;
  /** Links by reseller (all of them, active or not). */
  links: Map<string, ProviderResellerLink[]>;
  /** Relationships by customer (all of them). */
  relationships: Map<string, PartnerCustomerRelationship[]>;
  subscriptions: Map<string, Subscription>;
  open: Map<string, PartnerRequest>;
}

const group = <T>(items: readonly T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};

/**
 * Issue 19: reads the facts of all the subjects at once: the organizations they name, the resellers'
 * links and the distributors behind them, the customers' relationships and the partners those name, the
 * subscriptions, and the open requests: one query each, never one per subject.
 */
async function gatherFacts(subjects: readonly RequestSubject[], src: FactSources, known: readonly Organization[]): Promise<Facts> {
  const dir = src.directory;
  const org = new Map(known.map((o) => [o.id, o]));
  const fetchOrgs = async (ids: Iterable<string>) => {
    const missing = [...new Set(ids)].filter((id) => !org.has(id));
    if (missing.length) for (const o of await dir.getOrganizations(missing)) org.set(o.id, o);
  };
  await fetchOrgs(subjects.flatMap(partiesOf));
  // Links of the resellers asking (link_distributor) and of the resellers asked for (their distributors).
  const resellers = new Set<string>();
  const customers = new Set<string>();
  const subscriptionIds = new Set<string>();
  for (const s of subjects) {
    const [a, b] = partiesOf(s);
    if (s.kind === 'link_distributor') resellers.add(a);
    else {
      customers.add(a);
      if (org.get(b)?.kind === 'indirect_reseller') resellers.add(b);
      if (s.kind === 'multichannel_support') subscriptionIds.add(s.subscriptionId);
    }
  }
  const [linkList, relationshipLists, subscriptionList, openList] = await Promise.all([
    resellers.size ? dir.listLinksOfResellers([...resellers]) : Promise.resolve([]),
    Promise.all([...customers].map((c) => dir.listRelationships({ customerId: c }))),
    Promise.all([...subscriptionIds].map((id) => dir.getSubscription(id))),
    src.requests.findOpenByKeys([...new Set(subjects.map(subjectKey))]),
  ]);
  const relationships = group(relationshipLists.flat(), (r) => r.customerId);
  // The distributors behind the links, and the partners named by existing relationships (for messages).
  await fetchOrgs([...linkList.map((l) => l.providerId), ...[...relationships.values()].flat().map((r) => r.partnerId)]);
  return {
    org,
    links: group(linkList, (l) => l.resellerId),
    relationships,
    subscriptions: new Map(subscriptionList.filter((s) => s !== undefined).map((s) => [s.id, s])),
    open: new Map(openList.map((r) => [subjectKey(r.subject), r])),
  };
}

/** Runs the matching rule set for one subject on facts already read (no store access). */
function judge(subject: RequestSubject, requester: Person, f: Facts, src: FactSources): Validation {
  const open = f.open.get(subjectKey(subject));
  const openRequest = open ? { openRequestId: open.id, openRequestCompleting: open.status === 'completing' } : {};
  const { policy } = src;
  const partnerName = (id: string) => {
    const o = f.org.get(id);
    return o ? nameOf(o) : { en: id, ja: id };
  };
  /** The organizations an indirect reseller is linked with as its distributors (none for other kinds). */
  const distributorsOf = (partner: Organization) =>
    partner.kind !== 'indirect_reseller' ? [] : (f.links.get(partner.id) ?? []).map((l) => f.org.get(l.providerId)).filter((o) => o !== undefined);
  switch (subject.kind) {
    case 'link_distributor': {
      const reseller = f.org.get(subject.resellerId);
      const provider = f.org.get(subject.providerId);
      if (!reseller) return unknown('UNKNOWN_ORGANIZATION', subject.resellerId, 'resellerId');
      if (!provider) return unknown('UNKNOWN_ORGANIZATION', subject.providerId, 'providerId');
      if (!isActive(provider)) return unknown('UNKNOWN_ORGANIZATION', provider.name, 'providerId');
      const links = (f.links.get(reseller.id) ?? []).filter(isActive);
      return checked(validateLinkDistributor({ requester, reseller, provider, links, policy, ...openRequest }));
    }
    case 'add_partner': {
      const customer = f.org.get(subject.customerId);
      const partner = f.org.get(subject.partnerId);
      if (!customer) return unknown('UNKNOWN_ORGANIZATION', subject.customerId, 'customerId');
      if (!partner) return unknown('UNKNOWN_ORGANIZATION', subject.partnerId, 'partnerId');
      if (!isActive(partner)) return unknown('UNKNOWN_ORGANIZATION', partner.name, 'partnerId');
      const relationships = (f.relationships.get(customer.id) ?? []).filter(isActive);
      return checked(validateAddPartner({ requester, customer, partner, workload: subject.workload, relationships, partnerName, policy, partnerDistributors: distributorsOf(partner), ...openRequest }));
    }
    case 'multichannel_support': {
      const customer = f.org.get(subject.customerId);
      const partner = f.org.get(subject.partnerId);
      if (!customer) return unknown('UNKNOWN_ORGANIZATION', subject.customerId, 'customerId');
      if (!partner) return unknown('UNKNOWN_ORGANIZATION', subject.partnerId, 'partnerId');
      if (!isActive(partner)) return unknown('UNKNOWN_ORGANIZATION', partner.name, 'partnerId');
      // Issue 18: the directory's record wins; a subscription it does not hold is judged as the customer described it.
      const subscription = f.subscriptions.get(subject.subscriptionId) ?? describedSubscriptionOf(subject);
      if (!subscription) return unknown('UNKNOWN_SUBSCRIPTION', subject.subscriptionId, 'subscriptionId');
      const relationships = (f.relationships.get(customer.id) ?? []).filter(isActive);
      return checked(validateMultichannel({ requester, customer, partner, subscription, relationships, partnerName, policy, now: src.now, partnerDistributors: distributorsOf(partner), ...openRequest }));
    }
  }
}

/**
 * Issue 19: judges many subjects with the same requester at once: the facts are read once for all of
 * them (a fixed number of store queries), then each subject's rules run in memory. `known` are
 * organizations already in hand (not read again).
 */
export async function verdictsFor(subjects: readonly RequestSubject[], requester: Person, src: FactSources, known: readonly Organization[] = []): Promise<Validation[]> {
  if (subjects.length === 0) return [];
  const facts = await gatherFacts(subjects, src, known);
  return subjects.map((s) => judge(s, requester, facts, src));
}

/**
 * Gathers what the rules need for one subject from the stores and runs the matching rule set. An
 * unknown organization or subscription is itself a refusal (the person picked something we don't know).
 */
export async function verdictFor(subject: RequestSubject, requester: Person, src: FactSources): Promise<Validation> {
  const [validation] = await verdictsFor([subject], requester, src);
  return validation!;
}
