import type { Entity } from '../../../app/ports';
import { sourceSpan, type FoldedText } from './folded-text';

type IdentifierEntity = Entity<'tenant_id' | 'subscription_id' | 'partner_id' | 'domain'>;

const GUID = /(?<![0-9a-f-])\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?(?![0-9a-f-])/g;
const DIGITS = /(?<![0-9a-z.\-/])([0-9]{5,12})(?![0-9a-z\-/]|\.[0-9])/g;
const DOMAIN = /(?<![a-z0-9.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))(?![a-z0-9-]|\.[a-z0-9])/g;

// Keywords are matched in folded text: lower case, katakana turned into hiragana.
const SUBSCRIPTION_WORDS = /subscriptions?|sub id|subs?cription|さぶすくりぷしょん|さぶすく|契約id/g;
const TENANT_WORDS = /tenants?|directory id|customer id|てなんと|でぃれくとり/g;
const PARTNER_ID_WORDS = /partner ?-?ids?|partner (?:number|no\.?|#)|mpn(?: ?id)?|csp id|ぱーとなー ?(?:id|番号|あいでぃー?)|mpn ?番号|ぱーとなーあいでぃ/g;

// Generic and country-code top-level domains we accept; two-letter file extensions are not domains.
const GENERIC_TLDS = new Set(['com', 'net', 'org', 'info', 'biz', 'io', 'ai', 'app', 'dev', 'cloud', 'tech', 'online', 'gov', 'edu', 'mil', 'int', 'jobs', 'global', 'asia', 'tokyo', 'osaka']);
const NOT_TLDS = new Set(['js', 'ts', 'md', 'py', 'sh', 'rb', 'cs', 'go', 'rs', 'pl', 'db', 'gz', 'xz', 'ps', 'vb']);

function isTld(tld: string): boolean {
  return GENERIC_TLDS.has(tld) || (tld.length === 2 && !NOT_TLDS.has(tld));
}

/** Distance from the span to the nearest keyword: before it (up to 80 characters) or just after (up to 20). */
function keywordDistance(text: string, from: number, to: number, words: RegExp): number {
  let best = Infinity;
  for (const m of text.matchAll(words)) {
    const kwEnd = m.index + m[0].length;
    if (kwEnd <= from && from - kwEnd <= 80) best = Math.min(best, from - kwEnd);
    else if (m.index >= to && m.index - to <= 20) best = Math.min(best, m.index - to);
  }
  return best;
}

/**
 * GUIDs (a subscription ID when the nearest keyword says so, otherwise a tenant ID), domain names, and
 * PartnerIDs (5 to 12 digits, only next to a word such as "PartnerID", "MPN" or パートナーID).
 */
export function extractIdentifiers(f: FoldedText): IdentifierEntity[] {
  const found: IdentifierEntity[] = [];
  const taken: [number, number][] = [];
  const free = (from: number, to: number) => taken.every(([a, b]) => to <= a || from >= b);
  for (const m of f.text.matchAll(GUID)) {
    const value = m[1]!;
    const from = m.index + m[0].indexOf(value);
    const to = from + value.length;
    const sub = keywordDistance(f.text, from, to, SUBSCRIPTION_WORDS);
    const tenant = keywordDistance(f.text, from, to, TENANT_WORDS);
    const type = sub < tenant ? 'subscription_id' : 'tenant_id';
    found.push({ type, value, score: 1, ...sourceSpan(f, from, to) });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of f.text.matchAll(DOMAIN)) {
    const value = m[1]!;
    if (!isTld(m[2]!) || !free(m.index, m.index + value.length)) continue;
    found.push({ type: 'domain', value, score: 1, ...sourceSpan(f, m.index, m.index + value.length) });
    taken.push([m.index, m.index + value.length]);
  }
  for (const m of f.text.matchAll(DIGITS)) {
    const value = m[1]!;
    const to = m.index + value.length;
    if (!free(m.index, to) || keywordDistance(f.text, m.index, to, PARTNER_ID_WORDS) > 24) continue;
    found.push({ type: 'partner_id', value, score: 1, ...sourceSpan(f, m.index, to) });
  }
  return found;
}
