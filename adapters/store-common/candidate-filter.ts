import type { CandidateQuery } from '../../domain';
import { asKey, asKeys, asLimit } from './query-keys';

/** Issue 19: the most candidates one query returns, whatever the caller asks. */
export const MAX_CANDIDATES = 1000;
/** A typed name longer than any organization's name (200) finds nothing. */
const MAX_NAME_QUERY = 200;

/** Candidates come ordered by name, then ID (both stores compare strings by code unit). */
export const CANDIDATE_ORDER = { name: 1, _id: 1 } as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Issue 19: the filter both stores run for `DirectoryPort.findCandidates`, or undefined when it can match
 * nothing (no kinds, no countries, a value that is not a string). nedb uses one index per query, the
 * last field in this object that an index serves: so `kind` is always an `$in` and `country` comes last
 * (its index is the narrow one: a few countries of one CSP region). MongoDB uses its compound index.
 */
export function candidateFilter(q: CandidateQuery): { filter: Record<string, unknown>; limit: number; after?: { name: string; id: string } } | undefined {
  const kinds = asKeys(q.kinds);
  if (kinds.length === 0) return undefined;
  const filter: Record<string, unknown> = { kind: { $in: kinds }, inactiveSince: { $exists: false } };
  if (q.cloud !== undefined) {
    const cloud = asKey(q.cloud);
    if (cloud === undefined) return undefined;
    filter.cloud = cloud;
  }
  if (q.workload !== undefined) {
    const workload = asKey(q.workload);
    if (workload === undefined) return undefined;
    filter.workloads = workload;
  }
  if (q.nameContains !== undefined) {
    const name = asKey(q.nameContains)?.trim();
    if (!name || name.length > MAX_NAME_QUERY) return undefined;
    const re = new RegExp(escapeRegExp(name), 'i');
    filter.$or = [{ name: re }, { nameJa: re }];
  }
  if (q.countries !== undefined) {
    const countries = [...new Set(asKeys(q.countries))];
    if (countries.length === 0) return undefined;
    filter.country = countries.length === 1 ? countries[0] : { $in: countries };
  }
  const limit = asLimit(q.limit, 50, MAX_CANDIDATES);
  if (q.after === undefined) return { filter, limit };
  // Issue 19: the next page of a scan; the stores add it to their own query (an index range, a MongoDB `$or`).
  const after = q.after as unknown;
  if (!after || typeof after !== 'object') return undefined;
  const name = asKey((after as { name?: unknown }).name);
  const id = asKey((after as { id?: unknown }).id);
  if (name === undefined || id === undefined) return undefined;
  return { filter, limit, after: { name, id } };
}
