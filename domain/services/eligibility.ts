import { isActive, type Organization } from '../organization';
import type { Person } from '../person';
import type { RequestSubject } from '../request';
import type { Refusal, Verdict } from '../result';
import type { Workload } from '../workload';
import { snapshotSources } from './fact-snapshot';
import { verdictFor, type FactSources } from './facts';

export interface Candidate {
  org: Organization;
  verdict: Verdict;
}
/** The candidates, split by the rules into those that may and those that may not. */
export interface Eligibility {
  kind: 'listed';
  eligible: Candidate[];
  /** Candidates that fail at least one rule, with the reasons (for "why not X?"). */
  ineligible: Candidate[];
}
/** What asking for candidates came to: the list, or a refusal before any candidate was weighed. Switch on `kind`. */
export type EligibilityOutcome = Eligibility | { kind: 'refused'; refusal: Refusal };

async function partition(
  candidates: Organization[],
  subjectFor: (o: Organization) => RequestSubject,
  requester: Person,
  src: FactSources,
): Promise<EligibilityOutcome> {
  const out: Eligibility = { kind: 'listed', eligible: [], ineligible: [] };
  const subjects = candidates.map(subjectFor);
  const facts = await snapshotSources(src, subjects, candidates);
  for (const [i, org] of candidates.entries()) {
    const validation = await verdictFor(subjects[i]!, requester, facts);
    if (validation.kind === 'refused') return validation;
    const { verdict } = validation;
    (verdict.ok ? out.eligible : out.ineligible).push({ org, verdict });
  }
  return out;
}

/** Which distributors this reseller may link with, and why not the others. */
export async function eligibleDistributors(resellerId: string, requester: Person, src: FactSources) {
  // An organization Partner Center stopped showing is kept in the directory but never offered.
  const providers = (await src.directory.listOrganizations({ kind: 'indirect_provider' })).filter(isActive);
  return partition(providers, (p) => ({ kind: 'link_distributor', resellerId, providerId: p.id }), requester, src);
}

/** Which partners may serve this customer for a workload, and why not the others. */
export async function eligiblePartners(customerId: string, workload: Workload, requester: Person, src: FactSources) {
  const all = await src.directory.listOrganizations();
  const partners = all.filter((o) => (o.kind === 'indirect_reseller' || o.kind === 'direct_bill_partner') && isActive(o));
  return partition(partners, (p) => ({ kind: 'add_partner', customerId, partnerId: p.id, workload }), requester, src);
}

/** Partners that may support this subscription through multi-channel, and why not the others. */
export async function eligibleMultichannelPartners(customerId: string, subscriptionId: string, requester: Person, src: FactSources) {
  const all = await src.directory.listOrganizations();
  const partners = all.filter((o) => (o.kind === 'indirect_reseller' || o.kind === 'direct_bill_partner') && isActive(o));
  return partition(partners, (p) => ({ kind: 'multichannel_support', customerId, partnerId: p.id, subscriptionId }), requester, src);
}
