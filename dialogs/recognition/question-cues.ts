import type { IntentName } from '../../app/ports';

/**
 * Issue 18: questions about the rules read as the action they mention. "I'd like to know whether a
 * customer can have more than one partner" scored as add_partner, "does multi-channel work for
 * subscriptions bought through an EA?" as multi-channel support, 「申請が却下されたらどうなりますか？」 as
 * the status of one's requests. The classifier sees the words for the thing; the words around them
 * tell a question about how things work from a request to do one. A message with such a question cue
 * and none of a request is a question about the rules.
 *
 * Each pattern is a plain alternation of words: linear in the text.
 */

/** Asking how things work in general: whether, what happens if, how long, allowed, eligible, the rules... */
const EN_QUESTION =
  /\b(?:whether|what\s+happens|how\s+long|how\s+many|how\s+much\s+time|allowed|permitted|eligible|is\s+it\s+(?:ok|okay|possible|allowed|fine)|(?:tell\s+me|know|wondering|curious|ask)\s+if|rules?|policy|just\s+curious|quick\s+(?:q|question)|in\s+general|generally|gdap|granular\s+delegated|delegated\s+admin\w*|at\s+all(?=\s*[?？])|(?:see|access|view|read)\s+(?:our|my|the|their|its|your)\s+(?:[a-z']+\s+)?data|do(?:es)?\s+(?:multi-?channel|multi-?partner|it|that)\s+(?:work|cover|apply)|covers?|can\s+(?:a|an|one|two|our|the)\s+(?:\w+\s+){0,3}?(?:customers?|resellers?|distributors?|subscriptions?|tenants?))\b/iu;
const JA_QUESTION =
  /どのくらい|どれくらい|何日|何社|何人まで|目安|どうなり(?:ます|ません)|どうなる(?:の|ん)|ルール|規則|条件|対象(?:に|です|か)|(?:て|で)もいい(?:ん|です|の)|可能(?:です|でしょう)か|許可され|んでしょうか|のでしょうか|でしたっけ|ものですか|一般的に|一般論|GDAP|について(?:教え|知りたい|伺)|そもそも|って何|ってなに|とは何|どういう(?:流れ|仕組み|こと|意味)|どこまで見え|質問です/u;

/** Asking the bot to do something, or about one's own requests: these stay what the classifier read. */
const EN_REQUEST =
  /\b(?:please|pls|plz|we(?:\s+(?:want|need|would\s+like)|['’]d\s+like)\s+(?!to\s+know)|i\s+(?:want|need)|(?:can|could|would)\s+you\s+(?!tell|let\s+me\s+know|explain)|i(?:\s+would|['’]d)\s+like\s+(?!to\s+know)|(?:chance|way)\s+you\s+(?:could|can)\s+(?!tell|explain)|^\s*(?:list|show)\b|\bthe\s+(?:pending|open|current)\s+(?:[a-z'-]+\s+){0,2}?(?:request|application|link)\b|\b(?:show|list|give)\s+(?:me|us)\s+(?!the\s+rules?)|(?:possible|able)\s+for\s+you\s+to|(?:request|application|link)s?\s+(?:i|we)\s+(?:made|filed|sent|submitted|raised|put\s+in)\b|my\s+(?:[a-z0-9'-]+\s+){0,3}?(?:requests?|applications?|links?)\b|our\s+(?:[a-z0-9'-]+\s+){0,3}?(?:requests?|applications?)\b|pl-[0-9a-z]{4})/iu;
const JA_REQUEST = /したい|したく|ほしい|欲しい|てください|下さい|お願い|もらえ|いただけ|頂け|私の|自分の申請|うちの申請|出した|PL-[0-9A-Za-z]{4}/u;

/** Asking to be told is asking a question: 「一点確認させてください」「教えてください」 are no request. */
const JA_ASKING_TO_KNOW = /(?:確認|質問|相談)(?:させて|して)(?:ください|下さい|いただけ|頂け)|教えて(?:ください|下さい|いただけ|頂け|ほしい|欲しい)|伺(?:いたい|わせて)/gu;

/** The intents a question cue may turn into a question about the rules (not approvers or greetings; help only with the bot's words). */
const READ_AS_QUESTION = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'cancel_request', 'add_approver', 'remove_approver', 'change_request', 'resubmit_request', 'none', 'help']);

/** How long approval takes: asked with "who approves", a question about how approval works. */
const HOW_LONG = /\bhow\s+(?:long|much\s+time|many\s+days)\b|どのくらい|どれくらい|何日/iu;

/** How approval works in general: "general question: how does approval work?" */
const GENERAL = /\bgeneral(?:ly)?\b|\bin\s+general\b|\bhow\s+(?:does|do)\s+(?:the\s+)?approvals?\s+work\b|一般的に|一般論/iu;

/** Nothing read, but the question is about this bot's things ("how long does approval take"). */
const DOMAIN_WORDS = /approv|gdap|partner|distribut|reseller|request|multi-?channel|subscription|tenant|csp|承認|申請|パートナー|ディストリ|リセラー|連携|サブスク|マルチチャネル|テナント/iu;

/** A clause's first word telling the bot to do something: "link us…", "please cancel…", "add Fabrikam…". */
const IMPERATIVE = /^\s*(?:(?:ok|so|and|then|also|pls|please|now)[\s,]+)?(?:link|connect|hook|add|cancel|withdraw|drop|remind|ping|nudge|chase|show|list|file|submit|resubmit|re-?send|change|update|edit|hand|transfer|make|set|remove|get|find|pick|start|open)\b/iu;

/**
 * Whether a clause asks for something (a wish, a plea, an imperative), not only tells: in a question
 * about the rules, "We get a lot of link requests and some sit for weeks." sets the scene and asks nothing.
 */
export function asksForSomething(clause: string): boolean {
  return EN_REQUEST.test(clause) || JA_REQUEST.test(clause.replace(JA_ASKING_TO_KNOW, '')) || IMPERATIVE.test(clause);
}

/** Whether `text`, read as `intent`, is rather a question about the rules. */
export function asksAboutTheRules(text: string, intent: IntentName): boolean {
  // "who does the approving, and how long does it take?": how approval works, not the list of one's approvers.
  if (intent === 'list_approvers') return (HOW_LONG.test(text) || GENERAL.test(text)) && !EN_REQUEST.test(text) && !JA_REQUEST.test(text);
  if (!READ_AS_QUESTION.has(intent)) return false;
  // 'help' and 'none' only when the question is about this bot's things ("how long does approval take?").
  if ((intent === 'none' || intent === 'help') && !DOMAIN_WORDS.test(text)) return false;
  const question = EN_QUESTION.test(text) || JA_QUESTION.test(text);
  return question && !EN_REQUEST.test(text) && !JA_REQUEST.test(text.replace(JA_ASKING_TO_KNOW, ''));
}
