import type { EvalExample } from './eval-set';
import { INTENT_NAMES, LOCALES, type IntentName, type Locale, type Recognizer } from '../../app/ports';

export interface IntentStats {
  intent: IntentName;
  /** Examples labelled with this intent. */
  support: number;
  /** Examples the recognizer gave this intent. */
  predicted: number;
  correct: number;
  /** null when the intent was never predicted. */
  precision: number | null;
  /** null when no example has this intent. */
  recall: number | null;
}

export interface EvalMiss {
  text: string;
  locale: Locale;
  expected: IntentName;
  actual: IntentName;
  score: number;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  byLocale: Record<Locale, { total: number; correct: number; accuracy: number | null }>;
  intents: IntentStats[];
  misses: EvalMiss[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Runs every example through the recognizer: accuracy overall and per language, precision and recall per intent. */
export async function evaluateRecognizer(recognizer: Recognizer, examples: readonly EvalExample[]): Promise<EvalReport> {
  const results: { example: EvalExample; locale: Locale; actual: IntentName; score: number }[] = [];
  for (const example of examples) {
    const r = await recognizer.recognize(example.text, example.locale ? { locale: example.locale } : {});
    results.push({ example, locale: r.locale, actual: r.intent, score: r.score });
  }
  const correct = results.filter((r) => r.actual === r.example.intent).length;
  const byLocale = Object.fromEntries(
    LOCALES.map((locale) => {
      const mine = results.filter((r) => r.locale === locale);
      const ok = mine.filter((r) => r.actual === r.example.intent).length;
      return [locale, { total: mine.length, correct: ok, accuracy: ratio(ok, mine.length) }];
    }),
  ) as EvalReport['byLocale'];
  const intents = INTENT_NAMES.map((intent): IntentStats => {
    const support = results.filter((r) => r.example.intent === intent).length;
    const predicted = results.filter((r) => r.actual === intent).length;
    const hits = results.filter((r) => r.actual === intent && r.example.intent === intent).length;
    return { intent, support, predicted, correct: hits, precision: ratio(hits, predicted), recall: ratio(hits, support) };
  });
  const misses = results
    .filter((r) => r.actual !== r.example.intent)
    .map((r) => ({ text: r.example.text, locale: r.locale, expected: r.example.intent, actual: r.actual, score: r.score }));
  return { total: results.length, correct, accuracy: ratio(correct, results.length) ?? 0, byLocale, intents, misses };
}

const pct = (n: number | null) => (n === null ? '   -  ' : `${(n * 100).toFixed(1).padStart(5)}%`);

/** The report as a plain-text table for a terminal. */
export function formatEvalReport(report: EvalReport, file = 'evaluation set'): string {
  const lines = [`${file}: ${report.correct}/${report.total} correct, accuracy ${pct(report.accuracy).trim()}`];
  for (const locale of LOCALES) {
    const l = report.byLocale[locale];
    if (l.total) lines.push(`  ${locale}: ${l.correct}/${l.total}, accuracy ${pct(l.accuracy).trim()}`);
  }
  lines.push('', `${'intent'.padEnd(22)}${'support'.padStart(8)}${'predicted'.padStart(10)}${'precision'.padStart(11)}${'recall'.padStart(9)}`);
  for (const s of report.intents) {
    lines.push(`${s.intent.padEnd(22)}${String(s.support).padStart(8)}${String(s.predicted).padStart(10)}${pct(s.precision).padStart(11)}${pct(s.recall).padStart(9)}`);
  }
  if (report.misses.length) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const m of report.misses) lines.push(`  [${m.locale}] expected ${m.expected}, got ${m.actual} (${m.score.toFixed(2)}): ${m.text}`);
  }
  return `${lines.join('\n')}\n`;
}
