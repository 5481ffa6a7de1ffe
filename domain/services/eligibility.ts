import { regionOfCountry } from '../geography';
import type { Organization, OrganizationKind } from '../organization';
import type { Person } from '../person';
import type { CandidateQuery } from '../ports/directory.port';
import { describedAsSubscription, type DescribedSubscription } from '../relationship';
import type { RequestSubject } from '../request';
import { refusal, type Refusal, type Verdict } from '../result';
import type { Workload } from '../workload';
import { verdictsFor, type FactSources } from './facts';

export interface Candidate {
  org: Organization;
  verdict: Verdict;
}
/** The candidates, split by the rules into those that may and those that may not. */
export interface Eligibility {
  kind: 'listed';
  /** Best first (the asker's own country first, then the rest of its CSP region; each by name), at most the limit. */
  eligible: Candidate[];
  /** Candidates that fail at least one rule, with the reasons (for "why not X?"). */
  ineligible: Candidate[];
  /**
   * Issue 19: there are more eligible choices than `eligible` holds (or more candidates than one question
   * weighs): a form then also takes a typed name.
   */
  more: boolean;
}
/** What asking for candidates came to: the list, or a refusal before any candidate was weighed. Switch on `kind`. */
export type EligibilityOutcome = Eligibility | { kind: 'refused'; refusal: Refusal };

/** Issue 19: how many choices a question returns unless the caller says otherwise (what a form can show). */
export const DEFAULT_CHOICE_LIMIT = 50;
/** Issue 19: the most candidates weighed from one store query (the asker's country; the rest of its region). */
export const CANDIDATE_SCAN_LIMIT = 500;
/** When nobody is eligible, this many other partners are weighed to say why. */
const EXPLAIN_SAMPLE = 100;
/** Below this many eligible choices the list counts as short, and the form says why the others are not offered (issue 18). */
const EXPLAIN_WHEN_FEWER = 3;

export interface EligibilityOptions {
  /** At most this many eligible choices (DEFAULT_CHOICE_LIMIT). */
  limit?: number;
  /** Only candidates whose name (or Japanese name) contains this, ignoring case: a typed name. */
  nameContains?: string;
}

const SELLERS: readonly OrganizationKind[] = ['indirect_reseller', 'direct_bill_partner'];

/**
 * Issue 19: the candidates an asker could be offered, from the store's indexes (kind, country, cloud,
 * workload), never by reading the whole directory: the asker's own country first, then the rest of its
 * CSP region, each in name order and bounded; the rules then run on those only.
 */
async function offer(
  asker: Organization,
  base: Omit<CandidateQuery, 'countries' | 'limit' | 'nameContains'>,
  subjectFor: (o: Organization) => RequestSubject,
  requester: Person,
  src: FactSources,
  opts: EligibilityOptions,
): Promise<EligibilityOutcome> {
  const limit = opts.limit ?? DEFAULT_CHOICE_LIMIT;
  const markets = src.policy.markets;
  const home = asker.country.toUpperCase();
  const region = regionOfCountry(home, markets);
  const neighbours = region ? Object.keys(markets).filter((c) => c !== home && markets[c] === region) : [];
  const query = { ...base, ...(opts.nameContains !== undefined ? { nameContains: opts.nameContains } : {}), limit: CANDIDATE_SCAN_LIMIT };
  const local = await src.directory.findCandidates({ ...query, countries: [home] });
  const away = neighbours.length ? await src.directory.findCandidates({ ...query, countries: neighbours }) : [];
  const candidates = [...local, ...away];
  const judged = await judgeAll(candidates, subjectFor, requester, src, asker);
  if (judged.kind === 'refused') return judged;
  const { eligible, ineligible } = judged;
  if ((eligible.length === 0 || (eligible.length < EXPLAIN_WHEN_FEWER && ineligible.length === 0)) && opts.nameContains === undefined) {
    // A short list (or nobody) in the asker's market and no reason yet to show: weigh a bounded sample of the
    // others, in ID order, to say why the list is short.
    const sample = (await src.directory.findCandidates({ kinds: base.kinds, limit: EXPLAIN_SAMPLE }))
      .filter((o) => !candidates.some((c) => c.id === o.id));
    const why = await judgeAll(sample, subjectFor, requester, src, asker);
    if (why.kind === 'refused') return why;
    eligible.push(...why.eligible); // none, unless the market filter and the rules disagree: the rules win
    ineligible.push(...why.ineligible);
    ineligible.sort((a, b) => (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0));
  }
  const more = eligible.length > limit || local.length >= CANDIDATE_SCAN_LIMIT || away.length >= CANDIDATE_SCAN_LIMIT;
  return { kind: 'listed', eligible: eligible.slice(0, limit), ineligible, more };
}

async function judgeAll(candidates: readonly Organization[], subjectFor: (o: Organization) => RequestSubject, requester: Person, src: FactSources, asker: Organization) {
  const out = { kind: 'listed' as const, eligible: [] as Candidate[], ineligible: [] as Candidate[] };
  const validations = await verdictsFor(candidates.map(subjectFor), requester, src, [asker, ...candidates]);
  for (const [i, org] of candidates.entries()) {
    const validation = validations[i]!;
    if (validation.kind === 'refused') return validation;
    const { verdict } = validation;
    (verdict.ok ? out.eligible : out.ineligible).push({ org, verdict });
  }
  return out;
}

const unknownOrg = (value: string, field: string): EligibilityOutcome => ({ kind: 'refused', refusal: refusal('UNKNOWN_ORGANIZATION', { value }, field) });

/** Which distributors this reseller may link with, and why not the others. */
export async function eligibleDistributors(resellerId: string, requester: Person, src: FactSources, opts: EligibilityOptions = {}) {
  const reseller = await src.directory.getOrganization(resellerId);
  if (!reseller) return unknownOrg(resellerId, 'resellerId');
  // An organization Partner Center stopped showing is kept in the directory but never offered (findCandidates leaves it out).
  return offer(reseller, { kinds: ['indirect_provider'], cloud: reseller.cloud }, (p) => ({ kind: 'link_distributor', resellerId, providerId: p.id }), requester, src, opts);
}

/** Which partners may serve this customer for a workload, and why not the others. */
export async function eligiblePartners(customerId: string, workload: Workload, requester: Person, src: FactSources, opts: EligibilityOptions = {}) {
  const customer = await src.directory.getOrganization(customerId);
  if (!customer) return unknownOrg(customerId, 'customerId');
  return offer(customer, { kinds: SELLERS, cloud: customer.cloud, workload }, (p) => ({ kind: 'add_partner', customerId, partnerId: p.id, workload }), requester, src, opts);
}

/**
 * Partners that may support this subscription through multi-channel, and why not the others. Issue 18:
 * `described` is what the customer said about a subscription the directory does not hold; the directory's
 * record wins when it has one.
 */
export async function eligibleMultichannelPartners(customerId: string, subscriptionId: string, requester: Person, src: FactSources, opts: EligibilityOptions = {}, described?: DescribedSubscription) {
  const customer = await src.directory.getOrganization(customerId);
  if (!customer) return unknownOrg(customerId, 'customerId');
  const known = await src.directory.getSubscription(subscriptionId);
  const subscription = known ?? (described ? describedAsSubscription(subscriptionId, customerId, described) : undefined);
  const describing = !known && described ? { described } : {};
  if (!subscription) return { kind: 'refused', refusal: refusal('UNKNOWN_SUBSCRIPTION', { value: subscriptionId }, 'subscriptionId') } satisfies EligibilityOutcome;
  return offer(customer, { kinds: SELLERS, cloud: customer.cloud, workload: subscription.workload }, (p) => ({ kind: 'multichannel_support', customerId, partnerId: p.id, subscriptionId, ...describing }), requester, src, opts);
}
