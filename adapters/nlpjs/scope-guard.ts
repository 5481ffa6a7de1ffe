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

/**
 * Issue 18: out-of-scope requests worded like this bot's ("add a partner to my calendar for Thursday",
 * "approve my vacation request", 「カレンダーにパートナー企業との打ち合わせを追加して」, 「先月の請求書は
 * どこ？」) were read as adding a partner or as the status of one's requests: the words "partner",
 * "request", "approve" are the bot's, the thing acted on is not. A text that names such a thing (a
 * calendar, a meeting, leave, an expense, an invoice, a password, another app) and none of the words
 * only this bot's requests have (a distributor, a reseller, multi-channel, approvers, 申請, 連携, a
 * request ID) is out of scope, whatever was read.
 */
const OTHER_THINGS =
  /\b(?:calendar|meetings?|appointments?|vacation|holidays?|pto|leave\s+request|(?:sick|annual|parental)\s+leave|expenses?|invoices?|bills?|billing\s+address|timesheets?|payroll|password|mfa|2fa|linkedin|netflix|spotify|gym|lunch|dinner|flights?|hotel|taxi|parking|wi-?fi|printer|cover\s+letter|birthday|discount|excel|vlookup|powerpoint|workday|offsite|party|happy\s+hour|wrong\s+(?:chat|channel|window|thread|person))\b|カレンダー|会議|打ち合わせ|打合せ|ミーティング|休暇|有給|経費|請求書|パスワード|予約|出張|駐車|ランチ|飲み会|誕生日|値引き|値下げ|LinkedIn/i;
const ONLY_OURS =
  /distribut|reseller|indirect|multi-?channel|approvers?\b|\b(?:my|our)\s+requests\b|\bour\s+request\b|\bcsp\b|\bgdap\b|\bpl-[0-9a-z]{4}|申請|連携|ディストリ|リセラー|承認者|マルチチャネル|間接|パートナーセンター|partner\s+center/i;
/**
 * Another app linked (「LINEと連携したい」, "link my GitHub"), or the approvers of another thing (「経費精算の
 * 承認者って誰？」, "who approves expense reports"): out of scope even with a word of ours in it.
 */
const ANOTHER_APP_OR_APPROVAL =
  /(?:LINE|LinkedIn|GitHub|Salesforce|Google|Gmail|Outlook|Dropbox|Zoom|Notion|Jira|Slack|Teams)\s*(?:と|に|を|の)(?:アカウント)?(?:連携|リンク|接続|つな)|\blink\s+(?:my|our)\s+(?:linkedin|github|google|gmail|dropbox|zoom|notion|jira)\b|(?:経費|休暇|有給|勤怠|稟議|出張)(?:精算|申請)?の(?:承認|承認者)|\b(?:expense|vacation|leave|holiday|timesheet|pto)\s+(?:reports?\s+|requests?\s+|claims?\s+)?(?:approv\w*)/iu;

/** Read as these, a text about another thing only is out of scope (greetings stay). */
const ABOUT_OTHER_THINGS = new Set([...ACTIONS, 'link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'help', 'list_approvers', 'policy_question']);

/** Whether a reading of `intent` from `text` is rather about something this bot does not handle. */
export function aboutSomethingElse(intent: string, text: string): boolean {
  if (ANOTHER_APP_OR_APPROVAL.test(text) && intent !== 'greeting') return true;
  if (!OTHER_THINGS.test(text) || ONLY_OURS.test(text)) return false;
  // A greeting stays one ("good morning, lunch soon?") unless something is asked for (「MFAリセットお願いします」).
  return ABOUT_OTHER_THINGS.has(intent) || (intent === 'greeting' && ASKED_FOR.test(text));
}
const ASKED_FOR = /\b(?:please|can\s+you|could\s+you|reset|need)\b|お願い|ください|下さい|して(?:ほしい|欲しい)/i;

/**
 * Help was learned from "how do I use this", "what can you do", "I'm lost": on English text it also
 * caught any question of that shape ("how do I bake bread", "whats the wifi password here"). Help is
 * taken to be meant only when the text speaks of the bot, of asking it or of getting help; otherwise
 * the question is out of scope. Japanese keeps the classifier's reading (its help lines did not over-reach).
 */
const HELP_WORDS =
  /\b(?:help|halp|hlep|assist(?:ance)?|support|guide|tips?|pointers?|options?|commands?|menu|faq|documentation|instructions|usage|features?|you|bot|app|partner\s+link|lost|confused|start(?:ed)?|use|works?|ask|type|say|requests?|new\s+here|walk\s+me\s+through)\b|\bwhat\s+(?:to|do\s+i|should\s+i|can\s+i)\s+do\b/i;

/** Whether a reading of help from `text` should not stand: it is out of scope, or (`speaksOfTheBotsThings`) the next reading is meant. */
export function outOfScopeHelp(intent: string, text: string): boolean {
  return intent === 'help' && !JAPANESE.test(text) && !HELP_WORDS.test(text);
}

/** Whether `text` names something this bot handles (a request, a link, a partner, approvers...). */
export function speaksOfTheBotsThings(text: string): boolean {
  return DOMAIN_WORDS.test(text);
}
