/**
 * Issue 18: greetings and small talk in front of a request ("Hi, hope you're well… we'd like to get
 * linked up with a distributer", 「お世話になっております。富士ITの小林です。…連携させていただきたく」)
 * pulled the classifier towards greeting or towards whatever word of the small talk it knew ("week",
 * "again"). The recognizer classifies the request without them: the pleasantries at the start (one after
 * another) and a polite closing at the end are cut off here.
 *
 * Every pattern is anchored at the start or the end of the text and has no nested repetition: linear in
 * the text (test/nlu/linear-patterns.test.ts).
 */

/** A greeting word, with whom it is addressed to ("hi team", "good morning all"). */
const EN_GREETING =
  /^(?:hi+|hello|hey+|hiya|heya|yo|howdy|greetings|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening|g'day|happy\s+(?:monday|tuesday|wednesday|thursday|friday|new\s+year))(?:\s+(?:there|team|all|everyone|everybody|folks|guys|y'all|again|hi|hey|hello|both))*(?![\w'])/iu;
/** Small talk up to the end of its clause: "hope you're well", "thanks so much for your help last time". */
const EN_SMALL_TALK = /^(?:i\s+)?(?:hope|trust|thanks|thank\s+you|many\s+thanks|long\s+time\s+no\s+see|sorry\s+to\s+(?:bother|trouble)|how\s+are\s+you|how's\s+it\s+going)(?![\w'])[^,.!?…;:\n]{0,80}/iu;
const JA_GREETING =
  /^(?:(?:いつも)?お世話になって(?:おります|います)|お世話になります|お疲れ(?:様|さま)です|おつかれ(?:さま|様)です|お疲れ(?:様|さま)|こんにち[はわ]|こんばん[はわ]|おはよう(?:ございます)?|はじめまして|初めまして|ご無沙汰しております|お久しぶりです|すみません|すいません|失礼(?:します|いたします)|どうも)/u;
/**
 * A self-introduction sentence: 「富士ITの小林です。」. The name is kanji, katakana or Latin letters: with
 * the kana of a verb in it, the sentence is a request (「韓国のdistiと繋がりたいです。」), not a name.
 */
const JA_SELF_INTRODUCTION = /^[^。！？!?\n、の]{1,30}の[\u4e00-\u9fff\u30a0-\u30ffA-Za-z\s]{1,12}です(?=[。！!\n])/u;
/** What may follow a pleasantry before the next one or the request: punctuation, emoticons, spaces. */
const SEPARATORS = /^(?:[:;][-']?[()DPp]|\^\^|\(\s*[^()\s]{1,6}\s*\)|[\s,.!?…;:、。！？〜~ー♪・-])*/u;

/** A closing at the end: "thanks!", "thx in advance", 「よろしくお願いします。」 */
const EN_CLOSING = /(?:^|[\s,.!?…])(?:thanks|thank\s+you|thx|ty|tia|cheers|many\s+thanks)(?:\s+(?:so|very)\s+much)?(?:\s+in\s+advance)?[\s,.!?…:)(]*$/iu;
const JA_CLOSING = /(?:何卒|なにとぞ)?よろしく(?:お願い(?:します|いたします|致します|申し上げます)|です|ね)?[\s。！!〜~ー♪]*$/u;

/** Words that make small talk part of the request ("thanks, now please link us"); such a clause is kept. */
const REQUEST_WORDS = /link|distribut|partner|request|approv|subscri|tenant|multi|cancel|remind|status|resell|support|申請|連携|承認|パートナー/iu;

function cutStart(text: string): string {
  let rest = text;
  for (let i = 0; i < 6; i++) {
    const m = EN_GREETING.exec(rest) ?? JA_GREETING.exec(rest) ?? JA_SELF_INTRODUCTION.exec(rest) ?? smallTalk(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
    rest = rest.slice(SEPARATORS.exec(rest)![0].length);
  }
  return rest;
}

function smallTalk(text: string): RegExpExecArray | null {
  const m = EN_SMALL_TALK.exec(text);
  return m && !REQUEST_WORDS.test(m[0]) ? m : null;
}

function cutEnd(text: string): string {
  const m = EN_CLOSING.exec(text) ?? JA_CLOSING.exec(text);
  if (!m) return text;
  let end = m.index;
  while (end > 0 && /[\s,、]/u.test(text[end - 1]!)) end -= 1; // a loop, not /[\s,]+$/: that pattern is quadratic on spaces
  return text.slice(0, end);
}

/**
 * The text without the pleasantries at its start and the polite closing at its end; '' when it is
 * nothing but pleasantries ("good evening, hope all is well with you").
 */
export function withoutPleasantries(text: string): string {
  return cutEnd(cutStart(text.trim()).trim()).trim();
}
