import type { Locale } from '../../app/ports';

// Hiragana, katakana (full and half width), CJK ideographs and the iteration mark.
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u3005]/;

/** 'ja' when the text has any kana or kanji, otherwise 'en'. A script check: fast and good enough for two languages. */
export function detectLocale(text: string): Locale {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}
