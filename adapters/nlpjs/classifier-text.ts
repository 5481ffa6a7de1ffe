import { expandShorthand } from './shorthand';

const GUID = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi;
/** A run of the characters domains and e-mail addresses are made of: one pass, no backtracking. */
const ADDRESS_CHARS = /[a-z0-9._%+@-]+/gi;
/** Inside such a run: a label, a dot and a top-level domain that ends there. Each try is bounded (24 letters). */
const DOMAIN_END = /[a-z0-9-]\.[a-z]{2,24}(?![a-z0-9_])/i;
const LONG_NUMBER = /\d{4,}/g;

/**
 * The text the intent classifier sees, at training and at recognition alike: NFKC-folded (full-width
 * letters and digits become ASCII, half-width katakana full width) and with identifiers blanked out, so
 * that a GUID, a domain or a PartnerID never pushes the intent one way or the other.
 *
 * Every pattern here takes time linear in the text. Domains and e-mail addresses were one pattern,
 * `[a-z0-9._%+-]*@?(?:[a-z0-9-]+\.)+[a-z]{2,24}\b`, whose overlapping repetitions backtracked on
 * every start position: 3 s of event loop for one word of 1,000 letters. Now each run of address
 * characters is found once and blanked when it holds a domain.
 *
 * (Replacing countries, workloads or organization names by placeholders was tried and measured: it did
 * not help on held-out utterances, so names stay as typed.)
 */
export function classifierText(text: string): string {
  return expandShorthand(text.normalize('NFKC'))
    .replace(GUID, ' ')
    .replace(ADDRESS_CHARS, (run) => (DOMAIN_END.test(run) ? ' ' : run))
    .replace(LONG_NUMBER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
