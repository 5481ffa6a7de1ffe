/**
 * Chat shorthand and common misspellings folded onto the words the classifier was trained on, at training
 * and recognition alike. Whole words only (Latin letters on both sides are not part of the match), case
 * kept insensitive; Japanese text around an English word is a boundary too ("disti と連携").
 */
const SHORTHAND: readonly (readonly [RegExp, string])[] = [
  [/\bdist(?:i|y|ie|ies|is)\b/gi, 'distributor'],
  [/\bdistr?ib(?:u|i)t(?:er|or|ar)s?\b/gi, 'distributor'],
  [/\breq(?:s|uests|usts|uets|eusts)\b/gi, 'requests'],
  [/\b(?:requst|reqest|requet|reuqest)\b/gi, 'request'],
  [/\bappro(?:ver|vr|ovr)s?\b/gi, 'approver'],
  [/\b(?:aprove|approove|aprrove)\b/gi, 'approve'],
  [/\b(?:aproved|approoved|aprroved|approvd)\b/gi, 'approved'],
  [/\b(?:aproval|approvel|aprroval|approvl)\b/gi, 'approval'],
  [/\b(?:parnter|partenr|patner|partnr)\b/gi, 'partner'],
  [/\b(?:parnters|partenrs|patners|partnrs)\b/gi, 'partners'],
  [/\b(?:subscripton|subsciption|subcription|subscrption)\b/gi, 'subscription'],
  [/\b(?:cancle|cancell|cnacel)\b/gi, 'cancel'],
  [/\b(?:pls|plz|plse|pl0x)\b/gi, 'please'],
  [/\bw\/o(?![a-z])/gi, 'without'],
  [/\bw\/(?![a-z])/gi, 'with '],
  [/\bthru\b/gi, 'through'],
  // Lower case and not part of an abbreviation with dots: "U.S." and "Q3" stay as typed.
  [/(?<![.\w])u(?![.\w])/g, 'you'],
  [/(?<![.\w])ur(?![.\w])/g, 'your'],
  [/(?<![.\w])q(?![.\w])/g, 'question'],
  [/\bsubs\b/gi, 'subscriptions'],
  // Katakana for "disti" (「うちが使えるディスティってどこ？」); ディストリ… is already the word.
  [/ディスティ(?:ー|ィ)?/g, 'ディストリビューター'],
];

export function expandShorthand(text: string): string {
  let out = text;
  for (const [pattern, word] of SHORTHAND) out = out.replace(pattern, word);
  return out;
}
