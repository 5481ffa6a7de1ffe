import type { IntentName } from '../../app/ports';

/**
 * Issue 18: "need a disti for M365 in Korea pls" read as adding a partner: the classifier weighed the
 * workload and "for" over the one word that says what is wanted. A partner request that asks for a
 * distributor (an indirect provider) is a distributor link; who may ask for one is the role's to decide
 * (dialogs/understanding/meaning.ts). Shorthand such as "disti" is folded to "distributor" before this
 * (adapters/nlpjs/shorthand.ts does it for the classifier; here the common spellings are listed).
 * A plain alternation: linear in the text.
 */
const DISTRIBUTOR = /\b(?:distributors?|distributers?|distis?|distys?|indirect\s+providers?)\b|ディストリ|ディスティ|間接プロバイダー|代理店/iu;
/** A partner wanted besides a distributor ("a second partner, not a distributor") is still a partner. */
const NOT_A_DISTRIBUTOR = /\b(?:not|no|instead\s+of)\s+(?:a\s+|the\s+|our\s+)?(?:distributors?|distis?)\b|ディストリビューターではなく|ディストリじゃなく/iu;

/** Whether `text`, read as `intent`, asks rather for a link with a distributor. */
export function asksForADistributor(text: string, intent: IntentName): boolean {
  return intent === 'add_partner' && DISTRIBUTOR.test(text) && !NOT_A_DISTRIBUTOR.test(text);
}
