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
/** "can you scrap it", "pull back the request I sent": a cancelling verb on what was just discussed. */
const EN_CANCEL_IT = /\b(?:cancel|drop|scrap|withdraw|retract|ditch|nix|(?:pull|take)\s+back|call\s+off)\s+(?:it|that|this|them|the\s+one)\b|\b(?:pull|take)\s+back\s+(?:the|my|our)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:request|ask|application)\b/iu;
/** 「…申請ですが…取り下げ」「申請、なしにして」「依頼を撤回」: a request and, after it, a word for withdrawing it. */
const JA_CANCEL = /(?:申請|依頼|リクエスト|PL-[0-9A-Za-z]{8})[^。！？!?\n]{0,40}?(?:取り下げ|取りさげ|取り消|とりけ|撤回|キャンセル|なしにし|無しにし|なかったことに|消して|消しといて|削除して|削除を|やめ(?:て|ます|たい|に))/u;

/** "attach/add/leave/put a note/message/comment to/on …", "add comment: …", 「申請にメモを残して」. */
const EN_NOTE =
  /\b(?:attach|add|leave|put|post|drop|write|include)\s+(?:a\s+|an\s+|the\s+|this\s+|my\s+)?(?:short\s+|quick\s+)?(?:note|message|comment|remark|memo)s?\b(?:\s*:|\s+(?:to|on|for|in|saying|that))|\badd\s+(?:some\s+|more\s+)?(?:context|details?|info(?:rmation)?|background)\s+to\s+(?:the|my|our|this)\b|\badd\s+to\s+(?:the|my|our|this)\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}?request\s+that\b/iu;
/** 「PL-… に承認者向けのコメントを付けてください」: a note said with a request or its approvers anywhere in the text. */
const JA_NOTE_ON = /(?:コメント|メモ|備考|メッセージ|一言)を?(?:追加|残し|残して|付け|つけ|入れ|添え)/u;
const JA_REQUEST_OR_APPROVERS = /申請|依頼|リクエスト|承認者|承認待ち|この承認|承認を|PL-[0-9A-Za-z]{4}/u;
const JA_NOTE = /(?:申請|依頼|リクエスト|承認者)(?:に|へ|の方に)(?:も)?[^。！？!?\n]{0,12}?(?:メッセージ|コメント|メモ|備考|一言)(?:を)?(?:追加|残|付け|つけ|入れ|添え|書)/u;

/** Read as these, cancelling a request is its cancellation. */
const READ_AS_CANCEL = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'policy_question', 'change_request', 'resubmit_request']);
/** Read as these, a note on a request is a note. */
const READ_AS_NOTE = new Set<IntentName>(['change_request', 'add_approver', 'request_status', 'help', 'none', 'link_distributor', 'add_partner', 'multichannel_support']);

/** Whether `text`, read as `intent`, asks rather to cancel a request. */
export function cancelsTheRequest(text: string, intent: IntentName): boolean {
  return READ_AS_CANCEL.has(intent) && (EN_CANCEL.test(text) || EN_CANCEL_IT.test(text) || JA_CANCEL.test(text));
}

/** Whether `text`, read as `intent`, asks rather to put a note on a request. */
export function addsANote(text: string, intent: IntentName): boolean {
  return READ_AS_NOTE.has(intent) && (EN_NOTE.test(text) || JA_NOTE.test(text) || (JA_NOTE_ON.test(text) && JA_REQUEST_OR_APPROVERS.test(text)));
}

/**
 * Handing a request over: "can you transfer PL-… to him", "pass this one to Marco", 「この申請は木村さんに
 * 引き継いで」, read as the link it is about or as an approver added.
 */
const EN_HANDOVER =
  /\b(?:transfer|hand(?:\s+it|\s+this|\s+that)?\s+(?:over|off)|reassign|pass|forward|delegate|move|give)\s+(?:pl-[0-9a-z]{8}|it|this(?:\s+one)?|that(?:\s+one)?|the\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}?request|my\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}?requests?)\s+(?:over\s+)?to\b|\btake\s+over\s+(?:approving\s+|the\s+approval\s+(?:of\s+)?|deciding\s+)?(?:pl-[0-9a-z]{8}|this|that|it|my\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}?requests?)\b/iu;
const JA_HANDOVER = /(?:に|へ)(?:引き継|引継|回して|回したい|回してもら|振って|振りたい|渡して|渡したい|移して|移したい)|担当(?:を|者を)?(?:変更|交代|替え)/u;
const READ_AS_HANDOVER = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'add_approver', 'change_request', 'help', 'none']);

/** Whether `text`, read as `intent`, asks rather to hand a request over to someone else. */
export function handsOver(text: string, intent: IntentName): boolean {
  return READ_AS_HANDOVER.has(intent) && (EN_HANDOVER.test(text) || (JA_HANDOVER.test(text) && JA_REQUEST_OR_APPROVERS.test(text)));
}
