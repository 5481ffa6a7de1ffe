import type { Locale } from '../../app/ports';

/**
 * Issue 18: people mix English and Japanese (「申請を cancel して」, "status of my 申請 please"). Each
 * language's classifier learned its own words, so an English word inside Japanese text (or the other way
 * round) taught it nothing and 「approver に remind お願い」 read as nothing. The bot's own words, written in
 * the other language, are replaced by this language's word before classifying, at training and
 * recognition alike.
 */
const IN_JAPANESE: readonly (readonly [RegExp, string])[] = [
  [/\bre-?submit(?:ted)?\b/gi, '再申請'],
  [/\bcancel(?:led)?\b/gi, 'キャンセル'],
  [/\bstatus\b/gi, '状況'],
  [/\bremind(?:er)?s?\b/gi, 'リマインド'],
  [/\bapprovers?\b/gi, '承認者'],
  [/\bapprov(?:e|al|ed)\b/gi, '承認'],
  [/\brequests?\b/gi, '申請'],
  [/\blink(?:ed)?\b/gi, '連携'],
  [/\bpartners?\b/gi, 'パートナー'],
  [/\bdistributors?\b/gi, 'ディストリビューター'],
  [/\badd\b/gi, '追加'],
  [/\bremove\b/gi, '削除'],
  [/\bchange\b/gi, '変更'],
  [/\bnote\b/gi, 'メモ'],
  [/\bhand\s*over\b/gi, '引き継ぎ'],
  [/\bmulti-?channel\b/gi, 'マルチチャネル'],
  [/\bsubscriptions?\b/gi, 'サブスクリプション'],
  [/\bhelp\b/gi, 'ヘルプ'],
];

const IN_ENGLISH: readonly (readonly [RegExp, string])[] = [
  [/再申請/g, ' resubmit '],
  [/申請/g, ' request '],
  [/承認者/g, ' approver '],
  [/承認/g, ' approval '],
  [/連携/g, ' link '],
  [/キャンセル|取り消/g, ' cancel '],
  [/状況|ステータス/g, ' status '],
  [/リマインド|催促/g, ' remind '],
  [/パートナー/g, ' partner '],
  [/ディストリビューター|ディストリ/g, ' distributor '],
  [/マルチチャネル|マルチチャンネル/g, ' multi-channel '],
  [/サブスクリプション|サブスク/g, ' subscription '],
  [/ヘルプ/g, ' help '],
];

const LATIN = /[a-z]/i;
const KANA_OR_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/u;

/** The text with the other language's words for the bot's own things replaced by `locale`'s. */
export function inOneLanguage(text: string, locale: Locale): string {
  const table = locale === 'ja' ? IN_JAPANESE : IN_ENGLISH;
  if (!(locale === 'ja' ? LATIN : KANA_OR_KANJI).test(text)) return text;
  let out = text;
  for (const [pattern, word] of table) out = out.replace(pattern, word);
  return out;
}
