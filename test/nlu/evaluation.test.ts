import { evaluateRecognizer, formatEvalReport, parseEvalSet, type IntentName, type Recognizer } from '../../dialogs/recognition';

// A fake recognizer with known answers, so the arithmetic can be checked by hand.
const answers: Record<string, IntentName> = { a: 'help', b: 'help', c: 'greeting', d: 'help', e: 'none', あ: 'greeting' };
const fake: Recognizer = {
  recognize: async (text, opts) => ({ text, locale: opts?.locale ?? (text === 'あ' ? 'ja' : 'en'), intent: answers[text] ?? 'none', score: 0.9, entities: [] }),
};

describe('evaluateRecognizer', () => {
  it('computes accuracy, per-language accuracy, precision and recall', async () => {
    const report = await evaluateRecognizer(fake, [
      { text: 'a', intent: 'help' },
      { text: 'b', intent: 'help' },
      { text: 'c', intent: 'help' },
      { text: 'd', intent: 'greeting' },
      { text: 'e', intent: 'none' },
      { text: 'あ', intent: 'greeting' },
    ]);
    expect(report).toMatchObject({ total: 6, correct: 4 });
    expect(report.accuracy).toBeCloseTo(4 / 6);
    expect(report.byLocale.en).toEqual({ total: 5, correct: 3, accuracy: 0.6 });
    expect(report.byLocale.ja).toEqual({ total: 1, correct: 1, accuracy: 1 });
    const help = report.intents.find((s) => s.intent === 'help')!;
    expect(help).toMatchObject({ support: 3, predicted: 3, correct: 2 });
    expect(help.precision).toBeCloseTo(2 / 3);
    expect(help.recall).toBeCloseTo(2 / 3);
    expect(report.intents.find((s) => s.intent === 'greeting')).toMatchObject({ support: 2, predicted: 2, correct: 1, precision: 0.5, recall: 0.5 });
    expect(report.intents.find((s) => s.intent === 'cancel_request')).toMatchObject({ support: 0, predicted: 0, precision: null, recall: null });
    expect(report.misses).toEqual([
      { text: 'c', locale: 'en', expected: 'help', actual: 'greeting', score: 0.9 },
      { text: 'd', locale: 'en', expected: 'greeting', actual: 'help', score: 0.9 },
    ]);
    const table = formatEvalReport(report, 'set.jsonl');
    expect(table).toContain('set.jsonl: 4/6 correct, accuracy 66.7%');
    expect(table).toMatch(/help\s+3\s+3\s+66\.7%\s+66\.7%/);
    expect(table).toMatch(/cancel_request\s+0\s+0\s+-\s+-/);
  });
});

describe('parseEvalSet', () => {
  it('reads one object per line, skipping blank lines', () => {
    const r = parseEvalSet('{"text":"hi","intent":"greeting"}\n\n{"text":"ヘルプ","intent":"help","locale":"ja"}\n', 'e.jsonl');
    expect(r).toEqual({ ok: true, examples: [{ text: 'hi', intent: 'greeting' }, { text: 'ヘルプ', intent: 'help', locale: 'ja' }] });
  });

  it('names every bad line', () => {
    const r = parseEvalSet(
      ['{"text":"ok","intent":"help"}', '{"text":"x","intent":"smalltalk"}', 'not json', '[1]', '{"text":"","intent":"help"}', '{"text":"y","intent":"help","locale":"fr"}'].join('\n'),
      'e.jsonl',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(5);
    expect(r.errors[0]).toMatch(/^e\.jsonl:2: "intent" must be one of/);
    expect(r.errors[1]).toMatch(/^e\.jsonl:3: not valid JSON/);
    expect(r.errors[2]).toMatch(/^e\.jsonl:4: expected a JSON object/);
    expect(r.errors[3]).toMatch(/^e\.jsonl:5: "text" must be a non-empty string/);
    expect(r.errors[4]).toMatch(/^e\.jsonl:6: "locale" must be "en" or "ja"/);
  });

  it('an empty file is an error, not a 0% score', () => {
    expect(parseEvalSet('\n\n', 'e.jsonl')).toEqual({ ok: false, errors: ['e.jsonl: no examples; expected one JSON object per line'] });
  });
});
