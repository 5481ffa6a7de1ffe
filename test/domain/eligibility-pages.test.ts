import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { openStore } from '../../adapters/open-store';
import {
  DEFAULT_POLICY,
  eligibleDistributors,
  eligiblePartners,
  parseDirectory,
  regionOfCountry,
  verdictsFor,
  type Candidate,
  type EligibilityOutcome,
  type FactSources,
  type Organization,
  type Person,
  type RequestSubject,
  type StorePort,
  type Workload,
} from '../../domain';
import { CANDIDATE_SCAN_LIMIT } from '../../domain/services/eligibility';

/**
 * Issue 19: eligibility weighs candidates page by page and stops once the list is full. These compare it,
 * on a generated M directory (bench/lib/generate-directory.ts, seed 3: 10,020 organizations in ten
 * countries), with the way it worked before: every candidate of the market (at most 500 per query)
 * weighed at once. The choices offered and "more" must be the same; the candidates not offered are the
 * same when the list is short, and when it is full, those the old way found ranked ahead of the cut.
 */

/** The way eligibility chose before pages, kept here as the reference (domain/services/eligibility.ts before issue 19's paging). */
async function beforePages(asker: Organization, kinds: Organization['kind'][], workload: Workload | undefined, subjectFor: (o: Organization) => RequestSubject, requester: Person, src: FactSources, limit: number) {
  const home = asker.country.toUpperCase();
  const region = regionOfCountry(home, src.policy.markets);
  const neighbours = region ? Object.keys(src.policy.markets).filter((c) => c !== home && src.policy.markets[c] === region) : [];
  const base = { kinds, cloud: asker.cloud, ...(workload ? { workload } : {}), limit: CANDIDATE_SCAN_LIMIT };
  const local = await src.directory.findCandidates({ ...base, countries: [home] });
  const away = neighbours.length ? await src.directory.findCandidates({ ...base, countries: neighbours }) : [];
  const candidates = [...local, ...away];
  const verdicts = await verdictsFor(candidates.map(subjectFor), requester, src, [asker, ...candidates]);
  const judged: Candidate[] = candidates.map((org, i) => {
    const v = verdicts[i]!;
    if (v.kind !== 'checked') throw new Error(`refused: ${org.id}`);
    return { org, verdict: v.verdict };
  });
  if ((judged.every((c) => !c.verdict.ok) || (judged.filter((c) => c.verdict.ok).length < 3 && judged.every((c) => c.verdict.ok))) && limit >= 3) {
    // A short list and no reason yet: a sample of the others, in ID order, says why.
    const sample = (await src.directory.findCandidates({ kinds, limit: 100 })).filter((o) => !candidates.some((c) => c.id === o.id));
    const why = await verdictsFor(sample.map(subjectFor), requester, src, [asker, ...sample]);
    const more = sample.map((org, i) => ({ org, verdict: (why[i] as { kind: 'checked'; verdict: Candidate['verdict'] }).verdict }));
    const eligible = [...judged, ...more].filter((c) => c.verdict.ok);
    const ineligible = [...judged, ...more].filter((c) => !c.verdict.ok).sort((a, b) => (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0));
    return { eligible: eligible.slice(0, limit), ineligible, ineligibleAheadOfCut: ineligible, more: eligible.length > limit, full: false, explained: true };
  }
  const eligible = judged.filter((c) => c.verdict.ok);
  const more = eligible.length > limit || local.length >= CANDIDATE_SCAN_LIMIT || away.length >= CANDIDATE_SCAN_LIMIT;
  // Where a full list is cut: at the first eligible one it cannot hold.
  const cut = eligible.length > limit ? judged.indexOf(eligible[limit]!) : judged.length;
  return { eligible: eligible.slice(0, limit), ineligible: judged.filter((c) => !c.verdict.ok), ineligibleAheadOfCut: judged.slice(0, cut).filter((c) => !c.verdict.ok), more, full: eligible.length > limit, explained: false };
}

const idsOf = (cs: readonly Candidate[]) => cs.map((c) => c.org.id);

describe('eligibility in pages, against every candidate at once (issue 19, generated M)', () => {
  let dir: string;
  let store: StorePort;
  let src: FactSources;
  let orgs: Organization[];
  let admins: Map<string, Person>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-elig-pages-'));
    store = await openStore({ dataDir: dir });
    const parsed = parseDirectory(generateDirectory('M', 3));
    if (!parsed.ok) throw new Error('the generated directory is invalid');
    const data = parsed.data;
    await store.directory.importDirectory(data);
    orgs = data.organizations;
    admins = new Map(data.people.filter((p) => p.roles.includes('admin')).map((p) => [p.orgId, p]));
    src = { directory: store.directory, requests: store.requests, policy: DEFAULT_POLICY, now: new Date('2026-12-07T10:00:00Z') };
  }, 180_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The first few organizations of a kind in each country and cloud. */
  const askers = (kind: Organization['kind'], perPlace: number) => {
    const seen = new Map<string, number>();
    return orgs.filter((o) => {
      if (o.kind !== kind) return false;
      const place = `${o.country}/${o.cloud}`;
      const n = seen.get(place) ?? 0;
      seen.set(place, n + 1);
      return n < perPlace;
    });
  };

  const compare = (now: EligibilityOutcome, before: Awaited<ReturnType<typeof beforePages>>) => {
    if (now.kind !== 'listed') throw new Error('refused');
    expect(idsOf(now.eligible)).toEqual(idsOf(before.eligible));
    expect(now.more).toBe(before.more);
    if (before.full) expect(idsOf(now.ineligible)).toEqual(idsOf(before.ineligibleAheadOfCut));
    else expect(idsOf(now.ineligible)).toEqual(idsOf(before.ineligible));
    // The reasons are the same rules' verdicts.
    expect(now.ineligible.map((c) => c.verdict.refusals.map((r) => r.code))).toEqual((before.full ? before.ineligibleAheadOfCut : before.ineligible).map((c) => c.verdict.refusals.map((r) => r.code)));
  };

  it('customers asking for a partner: the same choices, "more" and reasons, full lists and short ones', async () => {
    const outcomes = { full: 0, short: 0, pagesNeeded: 0 };
    for (const customer of askers('customer', 2)) {
      const requester = admins.get(customer.id)!;
      for (const workload of ['azure', 'dynamics365'] as const) {
        for (const limit of [5, 50, 120]) {
          const subjectFor = (p: Organization): RequestSubject => ({ kind: 'add_partner', customerId: customer.id, partnerId: p.id, workload });
          const before = await beforePages(customer, ['indirect_reseller', 'direct_bill_partner'], workload, subjectFor, requester, src, limit);
          compare(await eligiblePartners(customer.id, workload, requester, src, { limit }), before);
          outcomes[before.full ? 'full' : 'short'] += 1;
          if (before.eligible.length + before.ineligibleAheadOfCut.length >= 64) outcomes.pagesNeeded += 1;
        }
      }
    }
    // Both kinds of list, and lists that needed more than the first page, were compared.
    expect(outcomes.full).toBeGreaterThan(0);
    expect(outcomes.short).toBeGreaterThan(0);
    expect(outcomes.pagesNeeded).toBeGreaterThan(0);
  }, 180_000);

  it('resellers asking for a distributor: the same choices, "more" and reasons (a short list explained by a sample of the others)', async () => {
    let explained = 0;
    for (const reseller of askers('indirect_reseller', 3)) {
      const requester = admins.get(reseller.id)!;
      for (const limit of [3, 50]) {
        const subjectFor = (p: Organization): RequestSubject => ({ kind: 'link_distributor', resellerId: reseller.id, providerId: p.id });
        const before = await beforePages(reseller, ['indirect_provider'], undefined, subjectFor, requester, src, limit);
        compare(await eligibleDistributors(reseller.id, requester, src, { limit }), before);
        if (before.explained) explained += 1;
      }
    }
    expect(explained).toBeGreaterThan(0);
  }, 120_000);
});
