/** Short yes/no answers to "shall I file it?", in both languages. */
const YES = /^(y|yes|yeah|yep|ok|okay|sure|confirm|submit|go ahead|send it|はい|うん|ok です|お願いします|おねがいします|送信|送信して|確定|それで|それでお願いします|大丈夫です)[.!。！]?$/i;
const NO = /^(n|no|nope|cancel|stop|never mind|nevermind|いいえ|いや|やめる|やめて|やめます|キャンセル|中止|取り消し)[.!。！]?$/i;

/*
 * Issue 18: natural confirmations ("yes please send it", "looks good, submit it", 「はい、それで送ってください」)
 * and refusals ("no, don't send it", 「いいえ、送らないでください」). The text is cut into a leading yes/no word
 * and the rest; the rest must itself be a confirmation (or a refusal) phrase, so "no, Azure instead"
 * is not taken for "no". Each pattern is anchored and has no nested repetition: linear in the text.
 */
const EN_YES_WORD = /^(yes|yeah|yep|yup|ok|okay|sure|great|perfect|correct|right|that's right|thats right|looks good|looks right|all good|sounds good)\b[\s,.!]*/i;
const EN_SEND =
  /^(please\s+)?(go ahead( and (send|submit|file) it)?|(send|submit|file)( it| this| that| the request)?( now)?|do it|confirm( it)?|that's (fine|right|correct|it)|looks good|it's (fine|correct|right))(\s+please)?(\s+thanks?( you)?)?[.!]*$/i;
/** After a yes word only: "yes please", "ok thanks". */
const EN_YES_TAIL = /^(please|thanks|thank you|please do)[.!]*$/i;
const JA_YES_WORD = /^(はい|ええ|うん|OK|オーケー|大丈夫です|問題ありません|それで大丈夫です)[、,。.!！\s]*/i;
const JA_SEND =
  /^(それで|これで|この内容で|その内容で)?(お願いします|お願い|送って(ください|下さい)?|送信して(ください|下さい)?|送信お願いします|申請して(ください|下さい)?|申請お願いします|確定して(ください|下さい)?|進めて(ください|下さい)?|大丈夫です|問題ありません|OKです)(ね)?[。.!！]*$/i;
const EN_NO_WORD = /^(no|nope|nah)\b[\s,.!]*/i;
const EN_DONT = /^(please\s+)?(don't|do not|dont)\s+(send|submit|file)( it| this| that)?( please)?[.!]*$/i;
/** After a no word only: "no thanks", "no, not now". */
const EN_NO_TAIL = /^(not now|not yet|thanks|thank you|never mind|cancel( it)?)[.!]*$/i;
const JA_NO_WORD = /^(いいえ|いや|いえ)[、,。.!！\s]*/;
const JA_DONT = /^(送らないで(ください|下さい)?|送信しないで(ください|下さい)?|申請しないで(ください|下さい)?|やめてください|やめておきます|取り消してください)[。.!！]*$/;

/** A leading yes/no word and a rest that is itself such a phrase (or only a tail allowed after the word). */
function phrase(t: string, word: RegExp, rest: RegExp, tail?: RegExp): boolean {
  const m = word.exec(t);
  if (!m) return rest.test(t);
  const after = t.slice(m[0].length).trim();
  return after === '' || rest.test(after) || (tail?.test(after) ?? false);
}

export function yesNo(text: string): 'yes' | 'no' | undefined {
  const t = text.trim().normalize('NFKC');
  if (YES.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  if (t.length > 80) return undefined;
  if (phrase(t, EN_YES_WORD, EN_SEND, EN_YES_TAIL) || phrase(t, JA_YES_WORD, JA_SEND)) return 'yes';
  if (phrase(t, EN_NO_WORD, EN_DONT, EN_NO_TAIL) || phrase(t, JA_NO_WORD, JA_DONT)) return 'no';
  return undefined;
}
