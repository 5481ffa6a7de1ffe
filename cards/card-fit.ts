import type { Locale } from '../domain';
import { note } from './elements';
import type { AdaptiveCard, CardElement } from './schema';
import { stringsFor } from './strings';

/**
 * Issue 19: Teams refuses a message larger than 28 KB, card included. The card gets what is left after
 * the rest of the activity (IDs, service URL, summary), kept well under 1 KB by the bot.
 */
export const TEAMS_MESSAGE_MAX_BYTES = 28 * 1024;
export const CARD_BUDGET_BYTES = TEAMS_MESSAGE_MAX_BYTES - 1024;

/** A text block is never cut shorter than this (characters), so that what is left still reads as something. */
const MIN_TEXT = 80;

export interface FittedCard {
  card: AdaptiveCard;
  /** The card as sent, in bytes of UTF-8 JSON. */
  bytes: number;
  /** Whether anything was left out (the note then says so). */
  shortened: boolean;
  droppedChoices: number;
}

const encoder = new TextEncoder();
export const cardBytes = (card: unknown): number => encoder.encode(JSON.stringify(card)).length;

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object of one of these types in the card, nested ones too (containers, columns, shown cards). */
function collect(card: unknown, types: ReadonlySet<string>): Json[] {
  const out: Json[] = [];
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (isRecord(x)) {
      if (typeof x.type === 'string' && types.has(x.type)) out.push(x);
      stack.push(...Object.values(x));
    }
  }
  return out;
}

const LISTS = new Set(['Input.ChoiceSet', 'FactSet']);
const TEXTS = new Set(['TextBlock']);
const listOf = (el: Json): Json[] => ((el.type === 'FactSet' ? el.facts : el.choices) as Json[] | undefined) ?? [];

/**
 * The card as it may be sent to Teams: unchanged when it fits the budget; otherwise cut down, longest
 * list first (choices and facts dropped from the end, a chosen value kept), then the longest texts, and
 * a note in the reader's language at the end says so. Never throws; a card that cannot be cut enough
 * is returned as small as it got (the caller logs it).
 */
export function fitCard(card: AdaptiveCard, locale: Locale, budget = CARD_BUDGET_BYTES): FittedCard {
  const size = cardBytes(card);
  if (size <= budget) return { card, bytes: size, shortened: false, droppedChoices: 0 };
  const s = stringsFor(locale);
  const out = structuredClone(card) as AdaptiveCard & Json;
  // Room for the note, measured with the longest count it could name.
  const noteFor = (dropped: number): CardElement => note(dropped > 0 ? s.shortened.choices(dropped) : s.shortened.text, { spacing: 'medium' });
  const room = cardBytes(noteFor(99_999)) + 1;
  const target = budget - room;
  let dropped = 0;
  let current = cardBytes(out);

  // 1. Lists: the one with the most bytes loses items from its end until the card fits (or one is left).
  for (let guard = 0; current > target && guard < 1000; guard++) {
    const lists = collect(out, LISTS).filter((el) => listOf(el).length > 1);
    if (lists.length === 0) break;
    const longest = lists.reduce((a, b) => (cardBytes(listOf(b)) > cardBytes(listOf(a)) ? b : a));
    const items = listOf(longest);
    const chosen = typeof longest.value === 'string' ? longest.value : undefined;
    let excess = current - target;
    let keep = items.length;
    while (keep > 1 && excess > 0) excess -= cardBytes(items[--keep]) + 1;
    const kept = items.slice(0, keep);
    // A value already chosen stays choosable.
    const picked = chosen !== undefined && !kept.some((c) => c.value === chosen) ? items.find((c) => c.value === chosen) : undefined;
    if (picked) kept[kept.length - 1] = picked;
    const removed = items.length - kept.length;
    if (longest.type === 'FactSet') longest.facts = kept;
    else {
      longest.choices = kept;
      dropped += removed;
    }
    current = cardBytes(out);
  }
  // 2. Texts: the longest is cut (with an ellipsis) until the card fits, each no shorter than MIN_TEXT.
  for (let guard = 0; current > target && guard < 1000; guard++) {
    const texts = collect(out, TEXTS).filter((el) => typeof el.text === 'string' && el.text.length > MIN_TEXT);
    if (texts.length === 0) break;
    const longest = texts.reduce((a, b) => ((b.text as string).length > (a.text as string).length ? b : a));
    const text = longest.text as string;
    const bytesPerChar = Math.max(1, cardBytes(text) / text.length);
    const cut = Math.ceil((current - target) / bytesPerChar) + 1;
    longest.text = `${[...text].slice(0, Math.max(MIN_TEXT, text.length - cut)).join('')}…`;
    current = cardBytes(out);
  }
  out.body = [...out.body, noteFor(dropped)];
  return { card: out, bytes: cardBytes(out), shortened: true, droppedChoices: dropped };
}
