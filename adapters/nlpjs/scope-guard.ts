/**
 * Out-of-scope guard. The action intents (cancel, change, resubmit, note, hand over, remind, approvers) are
 * learned from a handful of verbs, so "cancel my gym membership" or 「新幹線の予約を取り消して」 scored as a
 * cancellation at full confidence. An action is only taken to be meant when the text also speaks of
 * something this bot handles (a request, a link, a partner, approvers, a request ID...) or points back at
 * what was just discussed ("cancel it", 「それを取り消して」); otherwise it is out of scope.
 */
const ACTIONS = new Set([
  'cancel_request',
  'change_request',
  'resubmit_request',
  'add_note',
  'handover_request',
  'remind_approvers',
  'add_approver',
  'remove_approver',
]);

// Not "subscription" or "tenant" alone: the bot cancels or changes requests, never a subscription, so
// "cancel my netflix subscription" is out of scope (a request about one says "request", "link"...).
const DOMAIN_WORDS =
  /request|application|link|distribut|reseller|partner|approv|multi-?channel|csp|\bpl-|\bnote\b|申請|連携|依頼|承認|パートナー|ディストリ|リセラー|マルチチャネル|担当|メモ|コメント|リンク|リクエスト|管理者|権限|admin|owner/i;
const POINTING_BACK = /\b(?:it|that|this|they|them|mine|another|again|once more)\b|それ|これ|あれ|この|その|さっき|先ほど|やっぱり|もう一度|再度/i;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** A Japanese sentence that names what is acted on (「ジムの会員をキャンセル」), not a bare 「キャンセルして」. */
const JAPANESE_OBJECT = /[\u3040-\u30ff\u4e00-\u9fffA-Za-z0-9][をが]/;

/** Whether an action intent read from `text` should be reported as out of scope instead. */
export function outOfScopeAction(intent: string, text: string): boolean {
  if (!ACTIONS.has(intent)) return false;
  if (DOMAIN_WORDS.test(text) || POINTING_BACK.test(text)) return false;
  if (JAPANESE.test(text)) return JAPANESE_OBJECT.test(text);
  return text.trim().split(/\s+/).length > 1;
}
