import type { OrganizationNames } from '../../../app/ports';
import { foldString, hasJapanese } from './folded-text';
import type { PhraseEntry } from './phrase-matcher';

const LEGAL_SUFFIX = /[\s,]*(?:inc\.?|llc|ltd\.?|co\.?,? ?ltd\.?|corp\.?|corporation|gmbh|ag|s\.?a\.?r\.?l\.?|s\.?a\.?|kk|k\.k\.|plc|bv|pty)\s*$/i;
const LEGAL_JA = /株式会社|有限会社|合同会社|[(（]株[)）]|㈱/g;
const PARENTHESES = /\s*[(（][^)）]*[)）]\s*/g;
const SEPARATORS = /[\s・･]+/;

// Words that say what kind of company it is, not which one: never an alias on their own.
const GENERIC = new Set(
  [
    'distribution', 'distributor', 'japan', 'solutions', 'solution', 'it', 'partners', 'partner', 'cloud', 'systems',
    'system', 'supply', 'research', 'direct', 'federal', 'manufacturing', 'travel', 'county', 'government', 'startup',
    'the', 'group', 'holdings', 'global', 'services', 'technologies', 'tech', 'digital', 'consulting', 'csp',
    'ディストリビューション', 'ジャパン', 'ソリューションズ', 'パートナーズ', 'システムズ', 'クラウド', 'サプライ',
    'リサーチ', 'ダイレクト', 'グループ', 'テナント', 'ホールディングス', 'サービス',
  ].map(foldString),
);

function withoutDecorations(name: string): string {
  let s = name.replace(PARENTHESES, ' ').replace(LEGAL_JA, ' ').trim();
  for (let i = 0; i < 2; i += 1) s = s.replace(LEGAL_SUFFIX, '').trim();
  return s;
}

/** The first word of a name (or its first run of one script, for Japanese names written without spaces). */
function leadingWord(name: string): string {
  const first = name.split(SEPARATORS)[0] ?? '';
  if (!hasJapanese(first)) return first;
  const run = first.match(/^(?:[\u3040-\u309f]+|[\u30a0-\u30ff]+|[\u4e00-\u9fff\u3005]+|[A-Za-z0-9]+)/);
  return run ? run[0] : first;
}

function longEnough(word: string): boolean {
  const folded = foldString(word);
  return hasJapanese(folded) ? folded.length >= 3 : folded.replace(/[^a-z0-9]/g, '').length >= 4;
}

/** The name, then the name without its trailing generic words, one at a time ("Contoso Distribution Japan", "Contoso Distribution"). */
function trimmedForms(plain: string): string[] {
  const words = plain.split(SEPARATORS).filter(Boolean);
  const forms: string[] = [];
  if (words.some((w) => !GENERIC.has(foldString(w)))) forms.push(plain);
  while (words.length > 1 && GENERIC.has(foldString(words[words.length - 1]!))) {
    words.pop();
    // A single remaining word is an alias only when no other org shares it (see below).
    if (words.length > 1) forms.push(words.join(' '));
  }
  return forms;
}

/**
 * Phrases for each organization: each full name, the name without legal suffix or parenthesised notes,
 * the same without trailing generic words, and its leading word ("Contoso", "コントソ") when that word is distinctive and no other org shares it.
 */
export function organizationPhrases(orgs: readonly OrganizationNames[]): PhraseEntry<string>[] {
  const leadOwners = new Map<string, Set<string>>();
  const leads = orgs.map((org) => {
    const words = org.names.map((n) => leadingWord(withoutDecorations(n))).filter((w) => longEnough(w) && !GENERIC.has(foldString(w)));
    for (const w of words) {
      const key = foldString(w);
      leadOwners.set(key, (leadOwners.get(key) ?? new Set()).add(org.id));
    }
    return words;
  });
  return orgs.map((org, i) => {
    const phrases = new Set<string>();
    for (const name of org.names) {
      if (!name.trim()) continue;
      phrases.add(name);
      for (const shorter of trimmedForms(withoutDecorations(name))) phrases.add(shorter);
    }
    for (const w of leads[i] ?? []) if (leadOwners.get(foldString(w))?.size === 1) phrases.add(w);
    return { value: org.id, phrases: [...phrases] };
  });
}
