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

/** The distributors to choose from asked for: "list the distributors i can pick", "show me the distis we're allowed to link with". */
const CHOICES = /\b(?:list|show)\s+(?:me\s+|us\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:[a-z-]+\s+)?(?:distributors|distributers|distis|indirect\s+providers)\b|\b(?:distributors|distis)\s+(?:i|we)\s+(?:can|could|may)\s+(?:pick|choose|use|link|go\s+with)\b|\b(?:pick|choose|select|find)\s+(?:an?\s+|the\s+)?(?:distributor|distributer|disti|indirect\s+provider)\b|\bneed\s+to\s+be\s+linked\b|選べる(?:ディストリ|ディスティ|間接プロバイダー)|(?:ディストリ[ァ-ヶー]*|間接プロバイダー)(?:って|は)?どこが(?:あり|ある|いい)|^\s*request\s+(?:a\s+)?link\s+(?:to|with)\b/iu;
/** Buying through someone, wished for: 「Wingtip経由でAzureを買えるようにしたい」 (a question whether one may is a question). */
const BUY_THROUGH = /経由で[^。！？!?\n]{0,20}?(?:買|購入|仕入)[^。！？!?\n]{0,12}?(?:したい|たい|ように|お願い)|\b(?:want|need|would\s+like|['’]d\s+like)\s+to\s+(?:buy|purchase|source)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:through|via)\b/iu;
const READ_AS_CHOICES = new Set<IntentName>(['request_status', 'policy_question', 'help', 'none', 'cancel_request', 'add_partner']);

/** Whether `text`, read as `intent`, asks rather for a link with a distributor. */
export function asksForADistributor(text: string, intent: IntentName): boolean {
  if (READ_AS_CHOICES.has(intent) && CHOICES.test(text)) return true;
  if ((intent === 'none' || intent === 'add_partner' || intent === 'help') && BUY_THROUGH.test(text)) return true;
  return intent === 'add_partner' && DISTRIBUTOR.test(text) && !NOT_A_DISTRIBUTOR.test(text);
}
