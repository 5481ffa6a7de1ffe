import type { IntentName } from '../../app/ports';

/**
 * Issue 18, following up on one's own request. Held-out text written by someone else than the training
 * lines showed two shapes the classifier read as the request they were about:
 * - asking whether it was decided ("did contoso distribution aprove our link yet", 「もう承認されました？」)
 *   read as a new link request, because "link" and the organization's name weigh more than "did … yet";
 * - asking for the approvers to be chased ("ping contoso distribution's admins about our link request,
 *   it's been a week", 「承認者にもう一回pingしといて」) read as a link request or as adding an approver.
 * A question whether something was approved is the request's status; a verb of chasing aimed at the
 * approvers (not at the writer: "remind me to call mom" is no request of ours) is a reminder.
 * Plain alternations with bounded gaps: linear in the text (test/nlu/linear-patterns.test.ts).
 */

/** "did X approve … yet", "has it been approved", "is our link request approved?", "was it rejected?" */
const EN_DECIDED =
  /\b(?:did|has|have)\s+(?:[\p{L}\p{N}'’-]+\s+){0,5}?(?:ap?pro+ved?|accept(?:ed)?|reject(?:ed)?|declined?|sign(?:ed)?\s+off|turn(?:ed)?\s+(?:it\s+)?down|go(?:ne)?\s+through)\b|\b(?:is|was|has\s+been|got)\s+(?:it|my|our|the|this|that)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}?(?:approved|accepted|rejected|declined)\b|\b(?:approved|accepted|rejected|declined)\s+yet\b/iu;
/** 「承認されました？」「もう承認された？」「却下されたの？」「通りました？」 */
const JA_DECIDED = /(?:承認|却下|否認|受理)(?:され(?:まし)?た|されて(?:い)?(?:ます|る|ない|ません))(?:か|の|\?|？|[?？])|(?:審査|申請)(?:は|って|が)?(?:もう)?通(?:りまし|っ)た[かの？?]/u;

/**
 * A verb of chasing aimed at the approvers: "ping", "nudge", "chase", "poke", "bug", "remind", "follow up
 * with"; 催促, せっつく (others by themselves), リマインド and ping only sent to the approvers (「リマインドを3時に
 * 設定して」 is a calendar's).
 */
const EN_CHASE = /\b(?:ping|nudge|chase|poke|bug|hurry|remind|follow\s+up\s+with)\s+(?:up\s+)?(?:the\s+|their\s+|our\s+|all\s+(?:the\s+)?)?(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:admins?|approvers?|them|they|him|her|people|folks|team|approving)\b/iu;
const JA_CHASE = /(?:催促|督促|せっつ|急かし|急かせ)(?:し|して|する|お願い|をお願い|かけ|いた|頂|いただ|くだ|といて|とい)|(?:承認者|先方|管理者|担当者|相手|皆さん|みなさん)(?:の方|さん|様|の皆様|の皆さん)?(?:に|へ)(?:も|は)?[^。！？!?\n]{0,12}?(?:ping|リマインド|プッシュ|再通知|(?:再度|もう一度|改めて)(?:ご)?確認(?:の)?(?:依頼|をお願い))/iu;
/** The writer as the one to be reminded: "remind me", 「私にリマインド」. */
const ABOUT_ME = /\bremind\s+me\b|(?:私|自分)に(?:リマインド|通知)/iu;

/** Read as these, a question whether one's request was decided is rather its status. */
const READ_AS_STATUS = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'list_approvers', 'add_approver', 'help', 'none', 'greeting', 'policy_question', 'cancel_request']);
/** How long one's own request takes, who still decides it: "how long until my D365 partner request is approved". */
const EN_MINE = /\bhow\s+long\s+(?:will|until|till|before|does|is|for|has)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:my|our)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:request|link|application)s?\b|\bwho\s+(?:still\s+)?(?:needs?|has|have)\s+to\s+(?:approve|sign\s+off(?:\s+on)?|decide(?:\s+on)?)\s+(?:my|our)\b|\bwhen\s+(?:my|our)\s+(?:[\p{L}\p{N}'’-]+\s+){0,6}?(?:request|link|application)\b|\bwhat\s+happened\s+(?:to|with)\s+(?:my|our)\b/iu;
/** Read as these, chasing the approvers is rather a reminder. */
const READ_AS_REMINDER = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'add_approver', 'list_approvers', 'none', 'help']);

/** Whether `text`, read as `intent`, asks rather whether one's request was decided. */
export function asksWhetherDecided(text: string, intent: IntentName): boolean {
  return READ_AS_STATUS.has(intent) && (EN_DECIDED.test(text) || JA_DECIDED.test(text) || EN_MINE.test(text));
}

/** Whether `text`, read as `intent`, asks rather for the approvers to be reminded. */
export function chasesTheApprovers(text: string, intent: IntentName): boolean {
  return READ_AS_REMINDER.has(intent) && !ABOUT_ME.test(text) && (EN_CHASE.test(text) || JA_CHASE.test(text));
}

/** The status asked after by name: "status", "progress", "any news on", 「ステータス」「進捗」「状況」「どうなって」. */
const STATUS = /\b(?:status|progress|any\s+(?:news|word|update)\s+on|update\s+on|stuck|held\s+up)\b|ステータス|進捗|進み具合|状況|どうなって|どうなりました|その後(?:いかが|どう)|止まって|滞って/iu;
/** A new request wanted in the same words ("I'd like a status update and a new link with Contoso" is rare; "we want to link" is not). */
const WANTS_NEW = /\b(?:want|need|would\s+like|'d\s+like|link\s+us|connect\s+us|hook\s+us)\b|したい|したく|ほしい|欲しい/iu;
/** 「承認の流れって一般的にどうなってますか」 asks how things go in general, not how one's request is doing. */
const IN_GENERAL = /\bin\s+general\b|\bgenerally\b|\busually\b|一般的|一般論|普通は|通常/iu;
const READ_AS_KIND = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'policy_question']);

/** Whether `text`, read as a new request of kind `intent`, asks rather after one's request's status ("disti link の status どう？"). */
export function asksAfterTheStatus(text: string, intent: IntentName): boolean {
  return READ_AS_KIND.has(intent) && STATUS.test(text) && !WANTS_NEW.test(text) && !IN_GENERAL.test(text);
}
