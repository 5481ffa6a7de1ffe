import type { IntentName } from '../../app/ports';
import { requestIdIn } from './request-id';

/**
 * Issue 18: "PL-… details", "show PL-…", 「PL-…の詳細」 ask to see that request. The dialogs open its detail
 * card whatever the intent (dialogs/work/work-actions.ts); the recognizer says so too, so that "details
 * for PL-2MZ6R8KA pls" is not a greeting ("pls" was all the classifier knew) and 「PL-3XW8N2RTの詳細見せて」
 * not out of scope. Plain alternations: linear in the text.
 */
const DETAIL_WORDS = /\b(details?|show|open|view)\b|詳細|詳しく|見せて|表示/i;

/** The request named (upper case), when the message asks to see it. */
export function detailAskedFor(text: string): string | undefined {
  const id = requestIdIn(text);
  return id && DETAIL_WORDS.test(text.normalize('NFKC')) ? id : undefined;
}

/** Read as these, asking to see one request is rather its status (its detail). */
const READ_AS_STATUS = new Set<IntentName>(['none', 'greeting', 'help', 'policy_question', 'list_approvers']);
/** Asked after one request named by its ID: where it is, who still decides it, how long it takes. */
const ABOUT_ONE = /\b(?:where|who\s+(?:still\s+)?(?:needs?|has)\s+to|how\s+long|stuck|status|stage|step|approv\w*)\b|どこ|誰が|承認|進捗|状況/iu;
/** A verb of one of the actions on a request: "cancel PL-…", "add a note to PL-…" stay those. */
const ACTION = /\b(?:cancel|withdraw|drop|change|edit|update|resubmit|re-?send|remind|ping|nudge|chase|hand|transfer|reassign|note|comment)\b|取り下げ|取り消|キャンセル|変更|再申請|催促|リマインド|引き継|メモ|コメント/iu;

/** Whether `text`, read as `intent`, asks rather to see one request. */
export function asksForADetail(text: string, intent: IntentName): boolean {
  if (intent === 'request_status' || ACTION.test(text)) return false;
  if (!requestIdIn(text)) return false;
  const folded = text.normalize('NFKC');
  return (READ_AS_STATUS.has(intent) || intent === 'cancel_request' || intent === 'link_distributor') && (DETAIL_WORDS.test(folded) || ABOUT_ONE.test(folded));
}
