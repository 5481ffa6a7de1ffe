import type { SearchDataset } from '../../cards';
import {
  checkFiler,
  displayName,
  type EligibilityOptions,
  type EligibilityOutcome,
  type Locale,
  type Organization,
  type Person,
} from '../../domain';
import type { DialogDeps } from '../dialog-deps';

/**
 * Issue 19: when there are more eligible organizations than a form lists, the organization choice is
 * searched (Teams' typeahead, Slack's external_select) and a typed name is taken. Both are answered here
 * from the same eligibility questions the form asked, with the typed text as `nameContains`: nothing
 * ineligible is ever offered, and the search is bounded like the form.
 */

/** The eligibility question behind a dataset, for this person's organization. */
async function ask(deps: DialogDeps, d: SearchDataset, org: Organization, person: Person, opts: EligibilityOptions): Promise<EligibilityOutcome | undefined> {
  if (checkFiler(d.kind, org)) return undefined; // this organization cannot file this kind at all
  if (d.kind === 'link_distributor') return deps.service.eligibleDistributors(org.id, person, opts);
  if (d.kind === 'add_partner') return deps.service.eligiblePartners(org.id, d.workload, person, opts);
  // Only the asker's own subscription: a dataset naming another customer's answers nothing.
  const sub = await deps.directory.getSubscription(d.subscriptionId);
  if (!sub || sub.customerId !== org.id) return undefined;
  return deps.service.eligibleMultichannelPartners(org.id, d.subscriptionId, person, undefined, opts);
}

export interface SearchChoice {
  title: string;
  value: string;
}


/** The eligible organizations whose name contains the text (the best first when it is empty), as choices. */
export async function searchChoices(deps: DialogDeps, d: SearchDataset, who: { person: Person; org: Organization; locale: Locale }, text: string, top: number): Promise<SearchChoice[]> {
  const typed = text.trim();
  const limit = Math.max(1, top);
  const elig = await ask(deps, d, who.org, who.person, { limit, ...(typed ? { nameContains: typed } : {}) });
  if (!elig || elig.kind !== 'listed') return [];
  return elig.eligible.map(({ org }) => ({ title: choiceTitle(org, who.locale), value: org.id }));
}

function choiceTitle(org: Organization, locale: Locale): string {
  return org.kind === 'customer' ? displayName(org, locale) : `${displayName(org, locale)} (PartnerID ${org.partnerId})`;
}

/** What a typed name came to: one eligible organization, several (to pick from), or none. */
export type TypedPick = { kind: 'picked'; org: Organization } | { kind: 'several'; orgs: Organization[] } | { kind: 'none' };

/** Several matches listed at most (the form then shows them as its choices). */
const SEVERAL = 15;

/** A typed name, matched against the eligible organizations only; an exact name (either language) wins over partial matches. */
export async function pickTyped(deps: DialogDeps, d: SearchDataset, org: Organization, person: Person, typed: string): Promise<TypedPick> {
  const elig = await ask(deps, d, org, person, { nameContains: typed, limit: SEVERAL });
  const found = elig && elig.kind === 'listed' ? elig.eligible.map((c) => c.org) : [];
  const folded = typed.normalize('NFKC').toLowerCase();
  const exact = found.filter((o) => [o.name, o.nameJa].some((n) => n !== undefined && n.normalize('NFKC').toLowerCase() === folded));
  if (exact.length === 1) return { kind: 'picked', org: exact[0]! };
  if (found.length === 1) return { kind: 'picked', org: found[0]! };
  return found.length > 1 ? { kind: 'several', orgs: found } : { kind: 'none' };
}

/** What the form says about a typed name that picked nothing, and the organizations it then lists instead. */
export interface TypedOutcome {
  typed?: { outcome: 'none' | 'several'; text: string };
  /** Several matched: the form lists these. */
  orgs?: Organization[];
  /** Exactly one matched: the slot's value. */
  picked?: string;
}

/** A typed name on the form (issue 19), unless a choice was picked or every slot is asked again. */
export async function resolveTyped(deps: DialogDeps, d: SearchDataset, org: Organization, person: Person, typed: string | undefined): Promise<TypedOutcome> {
  const text = typed?.trim();
  if (!text) return {};
  const pick = await pickTyped(deps, d, org, person, text);
  if (pick.kind === 'picked') return { picked: pick.org.id };
  return { typed: { outcome: pick.kind, text }, ...(pick.kind === 'several' ? { orgs: pick.orgs } : {}) };
}
