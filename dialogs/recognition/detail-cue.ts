import type { IntentName } from '../../app/ports';

/**
 * Issue 18: "PL-… details", "show PL-…", 「PL-…の詳細」 ask to see that request. The dialogs open its detail
 * card whatever the intent (dialogs/work/work-actions.ts); the recognizer says so too, so that "details
 * for PL-2MZ6R8KA pls" is not a greeting ("pls" was all the classifier knew) and 「PL-3XW8N2RTの詳細見せて」
 * not out of scope. Plain alternations: linear in the text.
 */
/** A request's ID as people type it. */
export const REQUEST_ID = /\bPL-[0-9A-Z]{8}\b/i;
const DETAIL_WORDS = /\b(details?|show|open|view)\b|詳細|詳しく|見せて|表示/i;

/** The request named (upper case), when the message asks to see it. */
export function detailAskedFor(text: string): string | undefined {
  const folded = text.normalize('NFKC'); // an IME's full-width "ＰＬ－…" is the same ID
  const id = REQUEST_ID.exec(folded)?.[0];
  return id && DETAIL_WORDS.test(folded) ? id.toUpperCase() : undefined;
}

/** Read as these, asking to see one request is rather its status (its detail). */
const READ_AS_STATUS = new Set<IntentName>(['none', 'greeting', 'help', 'policy_question', 'list_approvers']);

/** Whether `text`, read as `intent`, asks rather to see one request. */
export function asksForADetail(text: string, intent: IntentName): boolean {
  return READ_AS_STATUS.has(intent) && detailAskedFor(text) !== undefined;
}
