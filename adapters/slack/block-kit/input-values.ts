import type { InputKind } from './input-ids.codec';
import { asRecord, enumIs, getArray, getBool, getNumber, getString, getText, type JsonRecord } from './json-access';

/**
 * Adaptive Card input value conventions, as the reference renderer submits them (and Teams follows):
 * every value is a string; Input.Number is the number's JavaScript string ("5", "2.5"), Input.Date
 * "YYYY-MM-DD", Input.Time "HH:mm", a multi-select ChoiceSet its values joined by "," in the order of
 * the choices, Input.Toggle its valueOn/valueOff ("true"/"false" by default). An input with no value
 * is left out, except a toggle, which always sends valueOff when it is off and not required.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** "HH:mm" from "HH:mm" or "HH:mm:ss", else undefined. */
export function toTime(value: string | undefined): string | undefined {
  const t = value?.slice(0, 5);
  return t !== undefined && isTime(t) && (value!.length === 5 || /^:\d{2}$/.test(value!.slice(5))) ? t : undefined;
}

/** Teams' string for a number: what valueAsNumber.toString() gives ("007" -> "7"), or undefined. */
export function normalizeNumber(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? String(n) : undefined;
}

export function inputKindOf(input: JsonRecord): InputKind | undefined {
  switch (getString(input, 'type')) {
    case 'Input.Text':
      return 'text';
    case 'Input.Number':
      return 'number';
    case 'Input.Date':
      return 'date';
    case 'Input.Time':
      return 'time';
    case 'Input.Toggle':
      return 'toggle';
    case 'Input.ChoiceSet':
      return getBool(input, 'isMultiSelect') ? 'multiChoice' : 'choice';
    default:
      return undefined;
  }
}

export function toggleValues(input: JsonRecord): { on: string; off: string } {
  return { on: getText(input, 'valueOn') ?? 'true', off: getText(input, 'valueOff') ?? 'false' };
}

export interface Choice {
  title: string;
  value: string;
}

/** The choices with a value, first occurrence of each value only (Slack needs unique option values). */
export function choicesOf(input: JsonRecord): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const raw of getArray(input, 'choices')) {
    const c = asRecord(raw);
    const value = c && getText(c, 'value');
    if (value === undefined || seen.has(value)) continue;
    seen.add(value);
    out.push({ title: getText(c!, 'title') ?? value, value });
  }
  return out;
}

/** The card's initial selection, as choice values in choice order. */
export function initialChoices(input: JsonRecord, choices: Choice[]): string[] {
  const raw = getText(input, 'value');
  if (raw === undefined || raw === '') return [];
  const wanted = getBool(input, 'isMultiSelect') ? new Set(raw.split(',')) : new Set([raw]);
  const picked = choices.filter((c) => wanted.has(c.value)).map((c) => c.value);
  return getBool(input, 'isMultiSelect') ? picked : picked.slice(0, 1);
}

/** What Teams submits for this input when nobody touches it (undefined: the key is left out). */
export function initialTeamsValue(input: JsonRecord): string | undefined {
  const value = untouchedValue(input);
  // The reference renderer leaves out every input whose value is "" (its isSet() is a truthiness test).
  return value === '' ? undefined : value;
}

function untouchedValue(input: JsonRecord): string | undefined {
  const kind = inputKindOf(input);
  const value = getText(input, 'value');
  switch (kind) {
    case 'text':
      return value ? value : undefined;
    case 'number': {
      const n = getNumber(input, 'value');
      return n === undefined ? undefined : String(n);
    }
    case 'date':
      return value !== undefined && isDate(value) ? value : undefined;
    case 'time':
      return toTime(value);
    case 'choice':
    case 'multiChoice': {
      const picked = initialChoices(input, choicesOf(input));
      return picked.length ? picked.join(',') : undefined;
    }
    case 'toggle': {
      const { on, off } = toggleValues(input);
      if (value === on) return on;
      return getBool(input, 'isRequired') ? undefined : off;
    }
    default:
      return undefined;
  }
}

/** True for the ChoiceSet styles shown as a list of buttons rather than a menu. */
export function isExpanded(input: JsonRecord): boolean {
  return enumIs(input, 'style', 'expanded');
}
