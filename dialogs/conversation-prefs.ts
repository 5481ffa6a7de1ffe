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
  /**
   * Issue 18: the bot was unsure what a message asked for and offered these meanings as buttons; the
   * message is kept (with the conversation, in the store) so that the choice carries on with its words.
   */
  pendingChoice?: { text: string; intents: string[]; /** The question's ID, on its buttons (absent before it was added). */ id?: string };
  /**
   * Issue 18: the last "which did you mean?" questions answered by a click (ID and the meaning picked),
   * so that a second click on the same card is refused politely instead of starting something else.
   */
  answeredChoices?: { id: string; intent: string }[];
}

const TO_ENGLISH = /^(please\s+)?(in english|english( please)?|speak english|switch to english|英語で(お願いします)?|英語)[.!。！]?$/i;
const TO_JAPANESE = /^(please\s+)?(in japanese|japanese( please)?|switch to japanese|日本語で(お願いします|話して)?|日本語)[.!。！]?$/i;

/*
 * Issue 18: "in English please" pins English as 「日本語で」 pins Japanese: the request for a language may
 * be wrapped in politeness ("can you answer in English please?", "English, please", 「英語でお願いします」,
 * 「英語にしてください」). Only the whole message counts, so a request that merely mentions English does not.
 */
const POLITE_EN = /^(?:(?:ok|okay|hi|sorry|um|also)[,\s]+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:answer|reply|respond|talk|speak|write|continue|switch)(?:\s+to)?|please\s+(?:answer|reply|respond|talk|speak|write|continue|switch)(?:\s+to)?|(?:answer|reply|respond|talk|speak|write|continue|switch)(?:\s+to)?|let's\s+(?:speak|talk|continue|switch\s+to))?\s*(?:in\s+)?(english|japanese)(?:[,\s]+(?:please|instead|from now on|thanks|thank you))*[.!?]*$/i;
const POLITE_JA = /^(英語|日本語)(?:で|に)(?:して|切り替えて|話して|答えて|返事して|お願い)?(?:ください|下さい|します|もらえますか|いただけますか)?[。.!！?？]*$/;

export function languageSwitch(text: string): Locale | undefined {
  const t = text.trim().normalize('NFKC');
  if (TO_ENGLISH.test(t)) return 'en';
  if (TO_JAPANESE.test(t)) return 'ja';
  if (t.length > 80) return undefined;
  const en = POLITE_EN.exec(t)?.[1]?.toLowerCase();
  if (en) return en === 'english' ? 'en' : 'ja';
  const ja = POLITE_JA.exec(t)?.[1];
  if (ja) return ja === '英語' ? 'en' : 'ja';
  return undefined;
}

const STOP = /^(cancel|stop|quit|exit|never mind|nevermind|forget it|abort|キャンセル|やめる|やめて|やめます|中止|もういい|いいです)[.!。！]?$/i;
const START_OVER = /^(start over|restart|reset|begin again|from the (start|beginning)|最初から|やり直し|やりなおし|はじめから)[.!。！]?$/i;

export const isStop = (text: string) => STOP.test(text.trim().normalize('NFKC'));
export const isStartOver = (text: string) => START_OVER.test(text.trim().normalize('NFKC'));
