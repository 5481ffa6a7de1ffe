import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NlpjsIntentClassifier, readTrainingData, type TrainingData } from '../../adapters/nlpjs';
import { detectLocale, INTENT_NAMES, LOCALES, parseEvalSet, type EvalExample } from '../../dialogs/recognition';

const EVAL_FILE = join(__dirname, '..', '..', 'nlu', 'eval.jsonl');
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

let data: TrainingData;
let evalSet: EvalExample[];
beforeAll(async () => {
  data = await readTrainingData();
  const parsed = parseEvalSet(readFileSync(EVAL_FILE, 'utf8'), EVAL_FILE);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  evalSet = parsed.examples;
});

describe('training data (nlu/train.*.yaml)', () => {
  it.each(LOCALES.flatMap((l) => INTENT_NAMES.map((i) => [l, i] as const)))('%s %s has at least 45 utterances', (locale, intent) => {
    expect(data.examples.filter((e) => e.locale === locale && e.intent === intent).length).toBeGreaterThanOrEqual(45);
  });

  it('Japanese utterances are written in Japanese, English ones in English', () => {
    const misplaced = data.examples.filter((e) => e.locale === 'en' && detectLocale(e.text) === 'ja');
    expect(misplaced).toEqual([]);
  });

  it('every utterance teaches the model something (NLP.js warns about stop-word-only ones)', async () => {
    const classifier = await NlpjsIntentClassifier.train(data.examples);
    expect(classifier.warnings).toEqual([]);
  }, 60000);
});

describe('evaluation set (nlu/eval.jsonl)', () => {
  it('has at least 120 lines, both languages and every intent in each', () => {
    expect(evalSet.length).toBeGreaterThanOrEqual(120);
    for (const locale of LOCALES) {
      for (const intent of INTENT_NAMES) {
        const n = evalSet.filter((e) => (e.locale ?? detectLocale(e.text)) === locale && e.intent === intent).length;
        expect([locale, intent, n >= 5]).toEqual([locale, intent, true]);
      }
    }
  });

  it('shares no utterance with the training data (compared ignoring case, width, spaces and punctuation)', () => {
    const training = new Set(data.examples.map((e) => fold(e.text)));
    expect(evalSet.filter((e) => training.has(fold(e.text))).map((e) => e.text)).toEqual([]);
  });
});
