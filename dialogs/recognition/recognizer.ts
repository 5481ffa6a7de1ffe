import {
  isIntentName,
  type IntentClassifier,
  type IntentName,
  type Locale,
  type OrganizationNames,
  type RankedIntent,
  type Recognition,
  type Recognizer,
  type RecognizeOptions,
} from '../../app/ports';
import { addsANote, cancelsTheRequest, handsOver } from './action-cue';
import { filesAgain } from './again-cue';
import { asksAboutApprovingOne } from './approval-cue';
import { approversIntent } from './approvers-cue';
import { changesTheRequest } from './change-cue';
import { asksForADistributor } from './distributor-cue';
import { clausesOf } from './clauses';
import { asksForChannelSupport } from './channel-cue';
import { asksForADetail } from './detail-cue';
import { asksAfterTheStatus, asksWhetherDecided, chasesTheApprovers } from './follow-up-cue';
import { commandIntent } from './commands';
import { detectLocale } from './detect-locale';
import { EntityExtractor, type OrganizationMatcher } from './entities';
import { asksForHelp } from './help-cue';
import { withoutPleasantries } from './pleasantries';
import { asksAboutTheRules, asksForSomething } from './question-cues';

/** Below this score the best intent is not trusted and the answer is `none` (NLP.js uses 0.5 too; 0.4-0.7 were compared on nlu/eval.jsonl). */
export const DEFAULT_INTENT_THRESHOLD = 0.5;

export interface MessageRecognizerOptions {
  /** Directory organizations to find by name (English and Japanese names, typos tolerated), or their index. */
  organizations?: readonly OrganizationNames[] | OrganizationMatcher;
  threshold?: number;
}

interface Scored {
  intent: IntentName;
  score: number;
  /** The classifier's two best intents for the text this came from, before the threshold. */
  ranked: RankedIntent[];
}

// Greetings and small talk around a request ("Hi, I'm Ken from Sakura. We'd like ...") should not hide it.
const NOT_A_REQUEST = new Set<IntentName>(['none', 'greeting']);
/** Readings that are no request: a clause asking for something outweighs them. */
const SOFT = new Set<IntentName>(['none', 'greeting', 'help', 'policy_question']);
/** The kinds of request that name an organization to work with. */
const NEW_REQUEST = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support']);
/** A clause's request outweighs the whole message's soft reading from this score on. */
const CLAUSE_TRUSTED = 0.7;
/** Below this, a request read once the pleasantries are cut off does not outweigh the whole message. */
const CORE_TRUSTED = 0.6;
/** The score of an intent a cue gave (question-cues.ts, again-cue.ts): above NLU_ASK_BELOW's default. */
const CUE_SCORE = 0.75;

/**
 * The recognizer: exact commands first, then intents from the classifier (NLP.js, offline, by
 * default: adapters/nlpjs), entities from deterministic extractors. Runs in process, no service.
 */
export class MessageRecognizer implements Recognizer {
  private readonly entities: EntityExtractor;
  private readonly threshold: number;

  constructor(
    private readonly classifier: IntentClassifier,
    options: MessageRecognizerOptions = {},
  ) {
    this.entities = new EntityExtractor(options.organizations ?? []);
    this.threshold = options.threshold ?? DEFAULT_INTENT_THRESHOLD;
  }

  async recognize(text: string, opts: RecognizeOptions = {}): Promise<Recognition> {
    const locale = opts.locale ?? detectLocale(text);
    const command = commandIntent(text);
    if (command) return { text, locale, intent: command, score: 1, entities: [] };
    const entities = this.entities.extract(text);
    const best = await this.intentOf(locale, text, entities.some((e) => e.type === 'organization'));
    return { text, locale, intent: best.intent, score: round(best.score), entities, ranked: best.ranked.map((r) => ({ intent: r.intent, score: round(r.score) })) };
  }

  /**
   * The message's intent: first without the pleasantries around it (a confident request there is the
   * answer); else the whole message's; when that is no request (greeting, help, a question, nothing) and
   * the message has several clauses (clauses.ts), a confident request in one of them; when it is only a
   * greeting or nothing, the most confident clause that is more.
   */
  private async intentOf(locale: Locale, text: string, namesAnOrganization = false): Promise<Scored> {
    const classifyOne = (t: string) => this.classifyOne(locale, t, namesAnOrganization);
    const core = withoutPleasantries(text);
    // Nothing but pleasantries ("good evening, hope all is well with you"): a greeting.
    if (!core && text.trim()) return { intent: 'greeting', score: 1, ranked: [{ intent: 'greeting', score: 1 }] };
    // The request without the small talk around it, when enough of it is left to read.
    if (core !== text.trim() && enoughToRead(core)) {
      const request = await classifyOne(core);
      if (!NOT_A_REQUEST.has(request.intent) && request.score >= CORE_TRUSTED) return request;
    }
    const whole = await classifyOne(text);
    if (!SOFT.has(whole.intent)) return whole;
    const clauses = clausesOf(text);
    if (!clauses.length) return whole;
    const reads = await Promise.all(clauses.map((c) => classifyOne(c)));
    // A request in one clause is what a message that otherwise only greets, asks for help or asks a
    // question wants ("韓国のdistiと繋がりたいです。お願いできますか" read as help as a whole).
    // In a question about the rules, a clause that only tells ("We get a lot of link requests.") sets the scene.
    const counts = (i: number) => whole.intent !== 'policy_question' || asksForSomething(clauses[i]!);
    const request = reads.filter((r, i) => !SOFT.has(r.intent) && r.score >= CLAUSE_TRUSTED && counts(i)).sort((a, b) => b.score - a.score)[0];
    if (request) return request;
    if (!NOT_A_REQUEST.has(whole.intent)) return whole;
    // Only a greeting or nothing as a whole: the most confident clause that is more (a question beats a greeting).
    return reads.filter((r) => !NOT_A_REQUEST.has(r.intent)).sort((a, b) => b.score - a.score)[0] ?? whole;
  }

  /**
   * One text's intent: the classifier's reading of its words, unless the words around them say more: a
   * question about how things work (question-cues.ts), filing a request once more (again-cue.ts), or
   * editing something on one's request (change-cue.ts), a distributor asked for (distributor-cue.ts),
   * an approver asking about one request (approval-cue.ts), a requester following one up (follow-up-cue.ts).
   * The cued intent comes first in `ranked`, the classifier's reading second.
   */
  private async classifyOne(locale: Locale, text: string, namesAnOrganization: boolean): Promise<Scored> {
    const read = await this.classifyWords(locale, text);
    // A question cue that agrees with a reading of policy_question confirms it (checked as if nothing was read).
    const asRead = read.intent === 'policy_question' ? 'none' : read.intent;
    const cued = cueOf(text, read.intent, asRead, namesAnOrganization);
    if (!cued) return read;
    // The cue settles it: the classifier's reading keeps only what is left of the score, so the two are
    // not taken for a close call (and asked about) merely because they share one score.
    // A cue is a rule, not a guess: at least CUE_SCORE, however unsure the classifier was of its reading.
    const score = Math.max(read.score, CUE_SCORE);
    const second = read.ranked.find((r) => r.intent !== cued);
    const ranked: RankedIntent[] = [{ intent: cued, score }, ...(second ? [{ intent: second.intent, score: round(1 - score) }] : [])];
    return { intent: cued, score, ranked };
  }

  private async classifyWords(locale: Locale, text: string): Promise<Scored> {
    const scores = await this.classifier.classify(locale, text);
    const ranked = topTwo(scores);
    const best = scores[0];
    if (!best || !isIntentName(best.intent)) return { intent: 'none', score: best?.intent === 'None' ? best.score : 1, ranked };
    if (best.score >= this.threshold) return { intent: best.intent, score: best.score, ranked };
    return { intent: 'none', score: best.intent === 'none' ? best.score : 1 - best.score, ranked };
  }
}

/** The intent the words around the classifier's reading say instead, if any (the first cue that applies). */
function cueOf(text: string, read: IntentName, asRead: IntentName, namesAnOrganization: boolean): RankedIntent['intent'] | undefined {
  if (filesAgain(text, read)) return 'resubmit_request';
  if (cancelsTheRequest(text, read)) return 'cancel_request';
  if (addsANote(text, read)) return 'add_note';
  if (handsOver(text, read)) return 'handover_request';
  const approvers = approversIntent(text, read);
  if (approvers) return approvers;
  if (changesTheRequest(text, read)) return 'change_request';
  if (asksForADistributor(text, read)) return 'link_distributor';
  if (asksAboutApprovingOne(text, read)) return 'request_status';
  if (chasesTheApprovers(text, read)) return 'remind_approvers';
  if (asksWhetherDecided(text, read) || asksAfterTheStatus(text, read)) return 'request_status';
  if (asksForADetail(text, read)) return 'request_status';
  if (asksForChannelSupport(text, read)) return 'multichannel_support';
  // "is it possible to get linked to Contoso Distribution?": a request of one organization named is that request.
  if (!(namesAnOrganization && NEW_REQUEST.has(read)) && asksAboutTheRules(text, asRead)) return 'policy_question';
  if (asksForHelp(text, read)) return 'help';
  return undefined;
}

/**
 * The two best distinct intents, best first: the classifier's own "None" counts as 'none' (NLP.js may
 * list it twice), names it does not know are left out.
 */
function topTwo(scores: readonly { intent: string; score: number }[]): RankedIntent[] {
  const out: RankedIntent[] = [];
  for (const s of [...scores].sort((a, b) => b.score - a.score)) {
    const intent = s.intent === 'None' ? 'none' : s.intent;
    if (!isIntentName(intent) || out.some((r) => r.intent === intent)) continue;
    out.push({ intent, score: s.score });
    if (out.length === 2) break;
  }
  return out;
}

/** Three words, or six characters of Japanese: "hello partner" is a greeting, not a bare "partner". */
function enoughToRead(text: string): boolean {
  return text.split(/\s+/).length >= 3 || /[\u3040-\u30ff\u4e00-\u9fff]{6}/u.test(text.replace(/\s+/g, ''));
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
