import { CLARIFY_INTENTS, type ClarifyIntent } from '../../cards';
import { FILED_BY, REQUEST_KINDS, type Organization, type RequestKind } from '../../domain';
import { entityValues, type IntentName, type RankedIntent, type Recognition } from '../recognition';
import { asksAboutTheRules } from '../recognition/question-cues';

/**
 * Issue 18: what a message means for the person who wrote it. The classifier reads words; the person's
 * organization decides which requests those words can be. A reseller can only ask for a distributor
 * link (and status, cancel, the rules, approvers); a customer for a partner or multi-channel support.
 * A request the person cannot make is read as the nearest one they can, or they are asked; and when the
 * classifier is unsure (its best score low, or its two best close), the person is asked as well.
 */

/** When to ask instead of acting: below `askBelow`, or when the second intent is within `askMargin`. */
export interface UnderstandingOptions {
  askBelow: number;
  askMargin: number;
}

/**
 * The defaults, from the held-out set (nlu/eval.jsonl, 552 lines, the model of 2026-12-03): asking below
 * 0.6 or within 0.2 asks about 8 lines (1.4%), 5 the classifier read right and 3 of the 17 it read
 * wrong (the right meaning among the two offered each time), and about no out-of-scope line.
 */
export const DEFAULT_UNDERSTANDING: UnderstandingOptions = { askBelow: 0.6, askMargin: 0.2 };

/** A second meaning with less than this share is not worth a button. */
const MIN_SECOND_SCORE = 0.1;

export type Meaning =
  | { kind: 'intent'; intent: IntentName; refitted?: true }
  /** `because`: the request kind the person's organization cannot make, which the words were read as. */
  | { kind: 'ask'; choices: readonly [ClarifyIntent, ClarifyIntent]; because?: RequestKind };

const isRequestKind = (x: string): x is RequestKind => (REQUEST_KINDS as readonly string[]).includes(x);
export const isClarifyIntent = (x: string): x is ClarifyIntent => (CLARIFY_INTENTS as readonly string[]).includes(x);

/** Whether this organization can make a request of this kind (intents that are not request kinds: yes). */
export function mayAskFor(intent: IntentName, org: Organization | undefined): boolean {
  if (!isRequestKind(intent)) return true;
  return !!org && FILED_BY[intent].includes(org.kind);
}

// Words for a distributor (indirect provider), typos and abbreviations included. Each alternative is a
// plain word match: linear in the text.
const DISTRIBUTOR_WORDS = /\b(distribut\w*|disti|distie|distys?|indirect\s+providers?|tier\s*2|wholesalers?)\b|ディストリ|ディスティ|間接プロバイダ|卸/i;

/** What the text says, beyond the intent, that tells the requests apart. */
export interface Cues {
  /** The text speaks of a distributor, or names one. */
  distributor: boolean;
  /** A purchase channel (EA, Open, web direct, ...) or a subscription is named: multi-channel support. */
  subscription: boolean;
  /** A workload is named. */
  workload: boolean;
}

export function cuesOf(rec: Recognition, namedKinds: readonly Organization['kind'][]): Cues {
  return {
    distributor: DISTRIBUTOR_WORDS.test(rec.text) || namedKinds.includes('indirect_provider'),
    subscription: entityValues(rec, 'purchase_channel').length > 0 || entityValues(rec, 'subscription_id').length > 0,
    workload: entityValues(rec, 'workload').length > 0,
  };
}

/**
 * The nearest request this organization can make, for a request kind it cannot: one intent when the
 * text settles it, two to choose from when it does not, undefined when nothing is near (a distributor
 * or a direct-bill partner files nothing; they are told why by the request's own refusal).
 */
function nearest(intent: RequestKind, org: Organization, cues: Cues, second: IntentName | undefined): IntentName | readonly [ClarifyIntent, ClarifyIntent] | undefined {
  if (org.kind === 'indirect_reseller') {
    if (cues.distributor) return 'link_distributor';
    // "Can we resell M365 to another CSP's tenant?" read as add_partner: a link, or a question about the rules.
    const other = second && second !== intent && isClarifyIntent(second) && mayAskFor(second, org) && second !== 'link_distributor' ? second : 'policy_question';
    return ['link_distributor', other];
  }
  if (org.kind === 'customer' && intent === 'link_distributor') {
    if (cues.subscription) return 'multichannel_support';
    if (cues.workload) return 'add_partner';
    return ['add_partner', 'multichannel_support'];
  }
  return undefined;
}

/**
 * Decides what to do with a recognized message: act on one intent, or ask between two. `decided` is set
 * when the person already chose (a clarification button): then only the role applies.
 */
export function meaningOf(rec: Recognition, org: Organization | undefined, namedKinds: readonly Organization['kind'][], options: UnderstandingOptions): Meaning {
  // 0. What the text names: a distributor and linking is a link, "who can approve this request" its status.
  const named = namedMeaning(rec, namedKinds);
  if (named) return roleMeaning({ ...rec, intent: named }, org, namedKinds) ?? { kind: 'intent', intent: named, refitted: true };
  // 1. The role: a request this person cannot make is read as the nearest one they can.
  const role = roleMeaning(rec, org, namedKinds);
  if (role) return role;
  // 2. Unsure: the two best meanings this person can have, as buttons.
  const cues = cuesOf(rec, namedKinds);
  const second = secondOf(rec);
  const pair = unsurePair(rec.ranked ?? [], options);
  if (pair) {
    const fitted = pair.map((r) => fit(r.intent, org, cues, second)).filter((x): x is ClarifyIntent => x !== undefined);
    const [a, b] = [...new Set(fitted)];
    if (a && b) return { kind: 'ask', choices: [a, b] };
  }
  return { kind: 'intent', intent: rec.intent };
}

// Linking words, and words pointing at one request ("this request", 「この申請」, an ID). Plain alternations.
const LINK_WORDS = /\b(?:link(?:ed|ing)?|connect(?:ed)?|hook\s+up|work\s+with|buy\s+(?:through|from))\b|連携|つなが|繋が|つない|繋い|取引/iu;
const ONE_REQUEST = /\b(?:this|that|my|the)\s+(?:request|application)\b|\bpl-[0-9a-z]{4}|(?:この|その|あの|私の|出した)申請/iu;
const WHO_APPROVES = /\bwho(?:\s+else)?\s+(?:can|could|will|should|gets\s+to|is\s+going\s+to)\s+approve|誰が(?:承認|判断)|承認(?:できる|する)(?:人|の)は誰/iu;
/** Intents a named distributor may override: nothing definite in the words, or a question with no question cue. */
const VAGUE = new Set<IntentName>(['help', 'none', 'greeting', 'policy_question']);
/** Intents "who can approve this request?" is read as. */
const ABOUT_APPROVERS = new Set<IntentName>(['list_approvers', 'handover_request', 'help', 'none']);

/**
 * Entity-aware readings (issue 18): a message that names a distributor of the directory and speaks of
 * linking is a link request whatever the classifier made of the words around the name ("what about
 * Wingtip Supply Japan? can we link with them instead" was read as help); "who else can approve this
 * request?" asks after one request's approvers, which its status names (list_approvers lists one's own
 * organization's people).
 */
export function namedMeaning(rec: Recognition, namedKinds: readonly Organization['kind'][]): IntentName | undefined {
  if (VAGUE.has(rec.intent) && namedKinds.includes('indirect_provider') && LINK_WORDS.test(rec.text) && !asksAboutTheRules(rec.text, 'link_distributor')) return 'link_distributor';
  // A distributor asked for by PartnerID that is no distributor of the directory (nobody has it, or a
  // reseller does): still a link request, which says so plainly, never the rules in general.
  if (VAGUE.has(rec.intent) && entityValues(rec, 'partner_id').length > 0 && DISTRIBUTOR_WORDS.test(rec.text) && LINK_WORDS.test(rec.text) && !asksAboutTheRules(rec.text, 'link_distributor')) return 'link_distributor';
  if (ABOUT_APPROVERS.has(rec.intent) && ONE_REQUEST.test(rec.text) && (rec.intent === 'list_approvers' || WHO_APPROVES.test(rec.text))) return 'request_status';
  return undefined;
}

const secondOf = (rec: Recognition): IntentName | undefined => (rec.ranked ?? []).find((r) => r.intent !== 'none' && r.intent !== rec.intent)?.intent;

/**
 * The role alone: undefined when this person can make what the message asks for (or it is not a
 * request); else the nearest request they can make, two to choose from, or (a distributor, a
 * direct-bill partner: nothing near) the intent unchanged, for the request's own refusal to explain.
 */
export function roleMeaning(rec: Recognition, org: Organization | undefined, namedKinds: readonly Organization['kind'][]): Meaning | undefined {
  if (!org || !isRequestKind(rec.intent) || mayAskFor(rec.intent, org)) return undefined;
  const near = nearest(rec.intent, org, cuesOf(rec, namedKinds), secondOf(rec));
  if (typeof near === 'string') return { kind: 'intent', intent: near, refitted: true };
  if (near) return { kind: 'ask', choices: near, because: rec.intent };
  return { kind: 'intent', intent: rec.intent };
}

/** The classifier's two best intents when they should be asked about: both offerable, and not clear. */
function unsurePair(ranked: readonly RankedIntent[], options: UnderstandingOptions): readonly [RankedIntent, RankedIntent] | undefined {
  const [a, b] = ranked;
  if (!a || !b || !isClarifyIntent(a.intent) || !isClarifyIntent(b.intent) || b.score < MIN_SECOND_SCORE) return undefined;
  if (a.score >= options.askBelow && a.score - b.score >= options.askMargin) return undefined;
  return [a, b];
}

/** An intent as this person can have it: itself, the nearest request when the text settles it, or none. */
function fit(intent: IntentName, org: Organization | undefined, cues: Cues, second: IntentName | undefined): ClarifyIntent | undefined {
  if (!isClarifyIntent(intent)) return undefined;
  if (!org || mayAskFor(intent, org)) return intent;
  const near = isRequestKind(intent) ? nearest(intent, org, cues, second) : undefined;
  return typeof near === 'string' && isClarifyIntent(near) ? near : undefined;
}
