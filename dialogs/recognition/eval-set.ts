import { isIntentName, isLocale, type IntentName, type Locale } from '../../app/ports';

/** One labelled utterance of an evaluation set (a JSONL line). */
export interface EvalExample {
  text: string;
  intent: IntentName;
  locale?: Locale;
}

export type EvalSetParse = { ok: true; examples: EvalExample[] } | { ok: false; errors: string[] };

function checkLine(value: unknown): string | EvalExample {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object such as {"text": "...", "intent": "help"}';
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string' || !o.text.trim()) return '"text" must be a non-empty string';
  if (!isIntentName(o.intent)) return `"intent" must be one of the intent names, got ${JSON.stringify(o.intent)}`;
  if (o.locale !== undefined && !isLocale(o.locale)) return `"locale" must be "en" or "ja" when given, got ${JSON.stringify(o.locale)}`;
  return o.locale === undefined ? { text: o.text, intent: o.intent } : { text: o.text, intent: o.intent, locale: o.locale };
}

/**
 * Parses an evaluation set: one JSON object per line, `{"text", "intent", "locale"?}`; blank lines are
 * skipped. Every bad line is reported as `file:line: reason`, so all of them can be fixed in one pass.
 */
export function parseEvalSet(content: string, file: string): EvalSetParse {
  const examples: EvalExample[] = [];
  const errors: string[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
      return;
    }
    const checked = checkLine(value);
    if (typeof checked === 'string') errors.push(`${file}:${i + 1}: ${checked}`);
    else examples.push(checked);
  });
  if (!errors.length && !examples.length) errors.push(`${file}: no examples; expected one JSON object per line`);
  return errors.length ? { ok: false, errors } : { ok: true, examples };
}
