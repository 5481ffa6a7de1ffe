import type { IntentName } from '../../app/ports';

/**
 * Issue 18: a request's own action said with the words of the request it acts on. "we've decided to
 * stay with our current partner, so please drop the request to add Contoso for Azure" and 「先日提出した
 * Azureのパートナー追加申請ですが…取り下げをお願いできますでしょうか」 read as adding a partner; "attach a
 * message to my link request saying our PartnerID changed" as changing it; 「申請へメッセージ追加して」 as
 * adding an approver. The verb and what it is done to say the action: cancelling or withdrawing a
 * request, a note or message put on one. Plain alternations with bounded gaps: linear in the text.
 */

/** "drop/cancel/withdraw/scrap/kill off/pull/call off the … request", "forget the EA ask". */
const EN_CANCEL =
  /\b(?:drop|cancel|withdraw|scrap|kill(?:\s+off)?|pull|retract|call\s+off|forget(?:\s+about)?|nix|ditch|bin)\s+(?:the|my|our|that|this)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?(?:request|ask|application|thing)\b/iu;
/** 「…申請ですが…取り下げ」「申請、なしにして」「依頼を撤回」: a request and, after it, a word for withdrawing it. */
const JA_CANCEL = /(?:申請|依頼|リクエスト)[^。！？!?\n]{0,40}?(?:取り下げ|取りさげ|取り消|とりけ|撤回|キャンセル|なしにし|無しにし|なかったことに|やめ(?:て|ます|たい|に))/u;

/** "attach/add/leave/put a note/message/comment to/on …", "add comment: …", 「申請にメモを残して」. */
const EN_NOTE =
  /\b(?:attach|add|leave|put|post|drop|write|include)\s+(?:a\s+|an\s+|the\s+|this\s+|my\s+)?(?:short\s+|quick\s+)?(?:note|message|comment|remark|memo)s?\b(?:\s*:|\s+(?:to|on|for|in|saying|that))/iu;
const JA_NOTE = /(?:申請|依頼|リクエスト|承認者)(?:に|へ|の方に)(?:も)?[^。！？!?\n]{0,12}?(?:メッセージ|コメント|メモ|備考|一言)(?:を)?(?:追加|残|付け|つけ|入れ|添え|書)/u;

/** Read as these, cancelling a request is its cancellation. */
const READ_AS_CANCEL = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'policy_question', 'change_request']);
/** Read as these, a note on a request is a note. */
const READ_AS_NOTE = new Set<IntentName>(['change_request', 'add_approver', 'request_status', 'help', 'none', 'link_distributor', 'add_partner', 'multichannel_support']);

/** Whether `text`, read as `intent`, asks rather to cancel a request. */
export function cancelsTheRequest(text: string, intent: IntentName): boolean {
  return READ_AS_CANCEL.has(intent) && (EN_CANCEL.test(text) || JA_CANCEL.test(text));
}

/** Whether `text`, read as `intent`, asks rather to put a note on a request. */
export function addsANote(text: string, intent: IntentName): boolean {
  return READ_AS_NOTE.has(intent) && (EN_NOTE.test(text) || JA_NOTE.test(text));
}
