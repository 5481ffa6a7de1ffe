import type { z } from 'zod';
import { DomainNameSchema, type Workload } from '../../domain';
import type { PcSubscription } from '../ports';

// Issue 17: how the directory sync reads Partner Center's records and compares them with the directory's
// (moved out of directory-sync.ts in issue 19).

export const lower = (s: string): string => s.toLowerCase();

/**
 * The workload a Partner Center subscription is for. Partner Center gives an offer, not a workload:
 * usage-based offers and Azure offers are Azure; Dynamics 365 and Power Platform offers are named so;
 * every other license-based offer counts as Microsoft 365.
 */
export function workloadOf(s: Pick<PcSubscription, 'billingType' | 'offerName' | 'friendlyName'>): Workload {
  const name = `${s.offerName ?? ''} ${s.friendlyName ?? ''}`;
  if (lower(s.billingType ?? '') === 'usage' || /\bazure\b/i.test(name)) return 'azure';
  if (/\bdynamics\b/i.test(name)) return 'dynamics365';
  if (/\bpower (apps|automate|bi|pages|platform|virtual agents)\b/i.test(name)) return 'power_platform';
  return 'microsoft365';
}

export function domainOr(domain: string | undefined, fallback: string | undefined): string | undefined {
  const parsed = DomainNameSchema.safeParse(domain);
  return parsed.success ? parsed.data : fallback;
}

export function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
}

/** Whether two records are the same (dates by instant, absent and undefined alike). */
export function same(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return v;
  });
}
