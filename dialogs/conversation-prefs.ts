import type { IntentName } from './recognition';
import type { Locale } from '../domain';

/** What the conversation remembers besides the dialog stack (stored with it). */
export interface ConversationPrefs {
  /** Set when the person asked for a language ("in English", 「日本語で」): wins over everything else. */
  locale?: Locale;
  /** The language the person last wrote in: clicks carry no text, so they keep answering in it. */
  lastLocale?: Locale;
  /** A new request the person asked for mid-dialog; we asked whether to switch. */
  pendingSwitch?: { intent: IntentName; text: string };
}

const TO_ENGLISH = /^(please\s+)?(in english|english( please)?|speak english|switch to english|英語で(お願いします)?|英語)[.!。！]?$/i;
const TO_JAPANESE = /^(please\s+)?(in japanese|japanese( please)?|switch to japanese|日本語で(お願いします|話して)?|日本語)[.!。！]?$/i;

export function languageSwitch(text: string): Locale | undefined {
  const t = text.trim().normalize('NFKC');
  if (TO_ENGLISH.test(t)) return 'en';
  if (TO_JAPANESE.test(t)) return 'ja';
  return undefined;
}

const STOP = /^(cancel|stop|quit|exit|never mind|nevermind|forget it|abort|キャンセル|やめる|やめて|やめます|中止|もういい|いいです)[.!。！]?$/i;
const START_OVER = /^(start over|restart|reset|begin again|from the (start|beginning)|最初から|やり直し|やりなおし|はじめから)[.!。！]?$/i;

export const isStop = (text: string) => STOP.test(text.trim().normalize('NFKC'));
export const isStartOver = (text: string) => START_OVER.test(text.trim().normalize('NFKC'));
