import type { IntentName } from '../../app/ports';

/**
 * Issue 18: "update" is both news ("any update on my request", the status) and an edit ("update the
 * reason on my request"). The classifier learned the first from many lines and read "need to update the
 * reason on my pending link request" as the status at full confidence. A verb of editing followed by the
 * thing edited and then "on/in/of" one's request is a change of that request, whatever was read.
 * A plain alternation with bounded gaps: linear in the text.
 */
const EDIT_ON_REQUEST =
  /\b(?:update|change|edit|fix|correct|amend|reword|rewrite|revise|switch|swap)\s+(?:the|my|our|a)\s+(?:[a-z'-]+\s+){0,2}?(?:on|in|of|for)\s+(?:the|my|our|this|that)\s+(?:[a-z'-]+\s+){0,2}?(?:request|application)\b/iu;

/** "can I update the pending partner request so it covers M365 too": an edit asked for, of a request. */
const EDIT_A_REQUEST =
  /\b(?:can|could|may)\s+(?:i|we)\s+(?:update|change|edit|amend|modify)\s+(?:the|my|our|this|that)\s+(?:[a-z'-]+\s+){0,2}?(?:request|application)\b|\b(?:please|i\s+(?:want|need)\s+to|we\s+(?:want|need)\s+to|let\s+me)\s+(?:update|change|edit|amend|modify)\s+(?:the|my|our|this|that)\s+(?:[a-z'-]+\s+){0,2}?(?:request|application)\b/iu;

/** "update my pending request so it covers M365", "modify PL-…: distributor should be…": an edit, first word. */
const EDIT_FIRST = /^\s*(?:please\s+)?(?:update|change|edit|amend|modify|correct)\s+(?:pl-[0-9a-z]{8}\b|(?:my|our|the|this|that)\s+(?:[a-z'-]+\s+){0,2}?(?:request|application)\b)/iu;

/** 「PL-… のディストリをWingtipに直して」「…の理由を変更してください」: a request named by its ID and a verb of editing. */
const JA_EDIT_ONE = /PL-[0-9A-Za-z]{8}[^。！？!?\n]{0,30}?(?:直して|変えて|変更して|変更を|修正して|修正を|差し替え)/u;

/** Read as these, an edit of one's request is rather a change to it. */
const READ_AS_CHANGE = new Set<IntentName>(['request_status', 'help', 'none', 'add_note', 'policy_question', 'link_distributor', 'add_partner', 'multichannel_support']);

/** Whether `text`, read as `intent`, asks rather to change a request. */
export function changesTheRequest(text: string, intent: IntentName): boolean {
  return READ_AS_CHANGE.has(intent) && (EDIT_ON_REQUEST.test(text) || EDIT_A_REQUEST.test(text) || JA_EDIT_ONE.test(text) || (EDIT_FIRST.test(text) && intent !== 'add_note'));
}
