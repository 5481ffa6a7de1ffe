import { z } from 'zod';
import { SubscriptionIdSchema, WorkloadSchema, type Workload } from '../domain';

/**
 * Issue 19: the contract for a search a card asks for: the organization choice of a form names a
 * dataset (`choices.data`), and the host asks the bot for choices as the person types (Teams: an
 * `application/search` invoke; Slack: a block_suggestion, mapped by the Slack adapter to the same
 * invoke). `parseSearchQuery` is the only way in: strict, bounded, the dataset one this bot offers.
 */

/** Which question a form's organization choice searches. */
export type SearchDataset =
  | { kind: 'link_distributor' }
  | { kind: 'add_partner'; workload: Workload }
  | { kind: 'multichannel_support'; subscriptionId: string };

export function datasetName(d: SearchDataset): string {
  if (d.kind === 'add_partner') return `add_partner:${d.workload}`;
  if (d.kind === 'multichannel_support') return `multichannel_support:${d.subscriptionId}`;
  return 'link_distributor';
}

function toDataset(s: string): SearchDataset | undefined {
  const [kind, arg, extra] = s.split(':');
  if (extra !== undefined) return undefined;
  if (kind === 'link_distributor' && arg === undefined) return { kind };
  if (kind === 'add_partner') {
    const w = WorkloadSchema.safeParse(arg);
    return w.success ? { kind, workload: w.data } : undefined;
  }
  if (kind === 'multichannel_support') {
    const sub = SubscriptionIdSchema.safeParse(arg);
    return sub.success ? { kind, subscriptionId: sub.data } : undefined;
  }
  return undefined;
}

export const DatasetSchema = z
  .string()
  .max(120)
  .transform((s, ctx) => {
    const d = toDataset(s);
    if (!d) ctx.addIssue({ code: 'custom', message: 'not a dataset this bot offers' });
    return d ?? z.NEVER;
  });

/** The most results one search returns (Slack's menus take 100; Teams shows 15 at a time). */
export const MAX_SEARCH_RESULTS = 100;
/** What a search asks for when the host does not say (Teams' page). */
export const DEFAULT_SEARCH_RESULTS = 15;

/** An `application/search` invoke's value, as Teams sends it (MicrosoftDocs msteams-docs, dynamic-search.md). */
const SearchInvokeSchema = z
  .object({
    dataset: DatasetSchema,
    // Teams may ask before anything is typed (the best choices then); names are at most 200 characters.
    queryText: z.string().max(200).optional(),
    kind: z.string().max(40).optional(),
    queryOptions: z
      .object({ skip: z.number().int().min(0).max(10_000).optional(), top: z.number().int().min(1).max(1000).optional() })
      .loose()
      .optional(),
    // Teams adds the card's input values (associatedInputs) and may add more fields: not read.
    data: z.unknown().optional(),
  })
  .loose();

export interface SearchQuery {
  dataset: SearchDataset;
  text: string;
  top: number;
}

export type ParsedSearch = { ok: true; query: SearchQuery } | { ok: false; error: string };

export function parseSearchQuery(value: unknown): ParsedSearch {
  const parsed = SearchInvokeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.path.join('.') || '(value)'}: ${issue.message}` };
  }
  const v = parsed.data;
  return { ok: true, query: { dataset: v.dataset, text: (v.queryText ?? '').trim(), top: Math.min(v.queryOptions?.top ?? DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS) } };
}
