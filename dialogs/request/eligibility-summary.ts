import type { Candidate, Refusal } from '../../domain';
import type { NotOfferedGroup } from '../../cards';

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

/**
 * Issue 18: the candidates left off a list, grouped by the first rule each failed (most first), so a
 * short list says why ("3 are in a different Microsoft cloud").
 */
export function notOfferedGroups(ineligible: readonly Candidate[]): NotOfferedGroup[] {
  const groups = new Map<string, NotOfferedGroup>();
  for (const c of ineligible) {
    const first = c.verdict.refusals[0];
    if (!first) continue;
    const g = groups.get(first.code);
    if (g) g.count += 1;
    else groups.set(first.code, { code: first.code, count: 1, example: first.message });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, 4);
}
