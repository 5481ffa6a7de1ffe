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

/** Issue 19: the first page of candidates weighed from a market; each next page is twice as long (at most CANDIDATE_SCAN_LIMIT in all). */
export const FIRST_PAGE = 64;

/**
 * Issue 19: the candidates an asker could be offered, from the store's indexes (kind, country, cloud,
 * workload), never by reading the whole directory: the asker's own country first, then the rest of its
 * CSP region, each in name order and bounded; the rules then run on those only.
 *
 * Candidates are weighed page by page, best first, and weighing stops as soon as one more is eligible
 * than the list holds: the cost grows with the list the person sees, not with the market. A short list
 * (nobody stopped it) weighs every candidate as before, so its "why the list is short" counts cover them
 * all; a full list counts those ranked ahead of where it was cut, the ones the rules kept off it.
 */
async function offer(
  asker: Organization,
  base: Omit<CandidateQuery, 'countries' | 'limit' | 'nameContains' | 'after'>,
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
  const query = { ...base, ...(opts.nameContains !== undefined ? { nameContains: opts.nameContains } : {}) };
  const eligible: Candidate[] = [];
  const ineligible: Candidate[] = [];
  const weighed = new Set<string>();
  let full = false;
  let truncated = false;
  for (const countries of neighbours.length ? [[home], neighbours] : [[home]]) {
    let scanned = 0;
    let after: CandidateQuery['after'];
    let page = FIRST_PAGE;
    while (!full) {
      const want = Math.min(page, CANDIDATE_SCAN_LIMIT - scanned);
      const found = await src.directory.findCandidates({ ...query, countries, limit: want, ...(after ? { after } : {}) });
      scanned += found.length;
      const judged = await judgeAll(found, subjectFor, requester, src, asker);
      if (judged.kind === 'refused') return judged;
      for (const c of judged.weighed) {
        weighed.add(c.org.id);
        if (!c.verdict.ok) ineligible.push(c);
        else if (eligible.length < limit) eligible.push(c);
        else {
          full = true; // one more than the list holds: the list is cut here, and there are more
          break;
        }
      }
      if (found.length < want) break; // the market has no more
      if (scanned >= CANDIDATE_SCAN_LIMIT) {
        truncated = true;
        break;
      }
      const last = found[found.length - 1]!;
      after = { name: last.name, id: last.id };
      page *= 2;
    }
    if (full) break;
  }
  if (!full && (eligible.length === 0 || (eligible.length < EXPLAIN_WHEN_FEWER && ineligible.length === 0)) && opts.nameContains === undefined) {
    // A short list (or nobody) in the asker's market and no reason yet to show: weigh a bounded sample of the
    // others, in ID order, to say why the list is short.
    const sample = (await src.directory.findCandidates({ kinds: base.kinds, limit: EXPLAIN_SAMPLE })).filter((o) => !weighed.has(o.id));
    const why = await judgeAll(sample, subjectFor, requester, src, asker);
    if (why.kind === 'refused') return why;
    for (const c of why.weighed) (c.verdict.ok ? eligible : ineligible).push(c); // eligible: none, unless the market filter and the rules disagree: the rules win
    ineligible.sort((a, b) => (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0));
  }
  const more = full || eligible.length > limit || truncated;
  return { kind: 'listed', eligible: eligible.slice(0, limit), ineligible, more };
}

/** The candidates with their verdicts, in the candidates' order; or the refusal that stopped the rules. */
async function judgeAll(candidates: readonly Organization[], subjectFor: (o: Organization) => RequestSubject, requester: Person, src: FactSources, asker: Organization) {
  const out = { kind: 'listed' as const, weighed: [] as Candidate[] };
  const validations = await verdictsFor(candidates.map(subjectFor), requester, src, [asker, ...candidates]);
  for (const [i, org] of candidates.entries()) {
    const validation = validations[i]!;
    if (validation.kind === 'refused') return validation;
    out.weighed.push({ org, verdict: validation.verdict });
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
