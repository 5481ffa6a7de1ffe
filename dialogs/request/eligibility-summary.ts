import type { Candidate, Refusal } from '../../domain';

/**
 * When no candidate passes, say why in as few reasons as possible: a reason every candidate shares
 * (such as "you are not enrolled") comes first; otherwise the distinct reasons, at most three.
 */
export function summarizeIneligible(ineligible: readonly Candidate[]): Refusal[] {
  if (ineligible.length === 0) return [];
  const [first, ...rest] = ineligible;
  const shared = first!.verdict.refusals.filter((r) => rest.every((c) => c.verdict.refusals.some((x) => x.code === r.code)));
  if (shared.length) return shared.slice(0, 2);
  const seen = new Map<string, Refusal>();
  for (const c of ineligible) for (const r of c.verdict.refusals) if (!seen.has(r.code)) seen.set(r.code, r);
  return [...seen.values()].slice(0, 3);
}
