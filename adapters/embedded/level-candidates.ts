import type { CandidateQuery, Organization } from '../../domain';

/**
 * Issue 19: what findCandidates asks of an organization beyond its kind and country (the index scanned
 * gives those): active, in the cloud, offering the workload, and the typed name in its name or Japanese
 * name, ignoring case. The query was checked by candidateFilter before (every given field a string).
 */
export function candidateMatches(o: Organization, q: CandidateQuery): boolean {
  if (o.inactiveSince !== undefined) return false;
  if (q.cloud !== undefined && o.cloud !== q.cloud) return false;
  if (q.workload !== undefined && !('workloads' in o && o.workloads.includes(q.workload))) return false;
  if (q.nameContains !== undefined) {
    const typed = q.nameContains.trim().toLowerCase();
    if (!o.name.toLowerCase().includes(typed) && !(o.nameJa ?? '').toLowerCase().includes(typed)) return false;
  }
  return true;
}

/** Name-ordered lists merged into one, by name then ID, at most `limit`. */
export function mergeCandidates(lists: readonly Organization[][], limit: number): Organization[] {
  const byKey = (o: Organization) => [o.name, o.id] as const;
  return lists
    .flat()
    .sort((a, b) => {
      const [an, ai] = byKey(a);
      const [bn, bi] = byKey(b);
      return an < bn ? -1 : an > bn ? 1 : ai < bi ? -1 : ai > bi ? 1 : 0;
    })
    .slice(0, limit);
}
