/** Short yes/no answers to "shall I file it?", in both languages. */
const YES = /^(y|yes|yeah|yep|ok|okay|sure|confirm|submit|go ahead|send it|はい|うん|ok です|お願いします|おねがいします|送信|送信して|確定|それで|それでお願いします|大丈夫です)[.!。！]?$/i;
const NO = /^(n|no|nope|cancel|stop|never mind|nevermind|いいえ|いや|やめる|やめて|やめます|キャンセル|中止|取り消し)[.!。！]?$/i;

export function yesNo(text: string): 'yes' | 'no' | undefined {
  const t = text.trim().normalize('NFKC');
  if (YES.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  return undefined;
}
