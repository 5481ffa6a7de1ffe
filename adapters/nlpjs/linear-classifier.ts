import { LOCALES, type IntentScore, type Locale } from '../../app/ports';
import { seededRandom } from '../../domain/seeded-random';
import { classifierText } from './classifier-text';
import { inOneLanguage } from './mixed-language';
import type { TrainingExample } from './training-data';

/**
 * Issue 18: a second intent classifier next to the NLP.js network, a multinomial logistic regression
 * (one per language) on sparse features of the same folded text NLP.js sees (classifier-text.ts,
 * mixed-language.ts):
 * - English: words, lightly stemmed, and word pairs (with the message's start as a word), so
 *   "cancel it" and "can I" are different things and one unknown word does not carry the message;
 *   character 3-grams inside words, so a typo still shares most of a word's features.
 * - Japanese (no spaces between words): character 1- to 3-grams of kana, kanji and Latin runs.
 * Every feature is present or not, and an example's features are scaled to length 1: a long message
 * is not more confident for being long. Training is plain SGD in a fixed order from a fixed seed, so
 * the same data always gives the same model (test/nlu/linear-classifier.test.ts).
 */

export const LINEAR_FORMAT = 'partner-link-nlu/linear/1';

export interface LinearModelJSON {
  format: typeof LINEAR_FORMAT;
  locales: Partial<Record<Locale, LocaleModelJSON>>;
}

interface LocaleModelJSON {
  intents: string[];
  /** In hundredths, as the weights. */
  bias: number[];
  /** Feature -> one weight per intent, in whole hundredths (features whose weights all round to zero are left out). */
  weights: Record<string, number[]>;
}

export interface LinearTrainingOptions {
  epochs?: number;
  /** L2 penalty per update. */
  l2?: number;
  learningRate?: number;
  seed?: number;
}

const DEFAULTS: Required<LinearTrainingOptions> = { epochs: 30, l2: 3e-4, learningRate: 2, seed: 18 };

const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'m\b/g, ' am'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
];
const LATIN_WORD = /[a-z0-9]+/g;
const JAPANESE_RUN = /[\u3040-\u30ff\u4e00-\u9fff\u3005ー]+|[a-z0-9]+/g;

/** A light suffix stripper: "requests", "requested", "requesting" -> "request". Applied alike at training and recognition. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The English words of a folded text, contractions spelled out, stemmed. */
export function englishWords(prepared: string): string[] {
  let s = prepared.toLowerCase().replace(/[’‘]/g, "'");
  for (const [p, w] of CONTRACTIONS) s = s.replace(p, w);
  return (s.match(LATIN_WORD) ?? []).map(stem);
}

/** The sparse binary features of a text already folded by classifierText and inOneLanguage. */
export function featuresOf(locale: Locale, prepared: string): string[] {
  const out = new Set<string>();
  if (locale === 'en') {
    const words = englishWords(prepared);
    let previous = '^';
    for (const w of words) {
      out.add(`w:${w}`);
      out.add(`b:${previous}_${w}`);
      previous = w;
      if (w.length >= 4) {
        const padded = `<${w}>`;
        for (let i = 0; i + 3 <= padded.length; i++) out.add(`c:${padded.slice(i, i + 3)}`);
      }
    }
  } else {
    for (const run of prepared.toLowerCase().match(JAPANESE_RUN) ?? []) {
      if (/^[a-z0-9]+$/.test(run)) {
        out.add(`w:${stem(run)}`);
        continue;
      }
      for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) out.add(`c:${run.slice(i, i + n)}`);
    }
  }
  return [...out];
}

/** Weights are kept in hundredths (compared on nlu/eval.jsonl: no line changes), saved as whole hundredths. */
const SCALE = 100;
const rounded = (n: number): number => Math.round(n * SCALE) / SCALE;

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k]! - max);
    sum += z[k]!;
  }
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
}

class LocaleModel {
  constructor(
    readonly intents: readonly string[],
    private readonly bias: Float64Array,
    private readonly weights: ReadonlyMap<string, Float64Array>,
  ) {}

  static train(examples: readonly TrainingExample[], locale: Locale, options: Required<LinearTrainingOptions>): LocaleModel {
    const intents = [...new Set(examples.map((e) => e.intent))].sort();
    const K = intents.length;
    const index = new Map<string, number>();
    const rows = examples.map((e) => {
      const features = featuresOf(locale, prepare(e.text, locale)).map((f) => {
        let i = index.get(f);
        if (i === undefined) index.set(f, (i = index.size));
        return i;
      });
      return { features, label: intents.indexOf(e.intent) };
    });
    const W = new Float64Array(index.size * K);
    const b = new Float64Array(K);
    const z = new Float64Array(K);
    const next = seededRandom(options.seed);
    const order = rows.map((_, i) => i);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const lr = options.learningRate / (1 + epoch * 0.2);
      for (const r of order) {
        const { features, label } = rows[r]!;
        if (!features.length) continue;
        const v = 1 / Math.sqrt(features.length);
        for (let k = 0; k < K; k++) {
          let s = b[k]!;
          for (const f of features) s += W[f * K + k]! * v;
          z[k] = s;
        }
        softmaxInPlace(z);
        for (let k = 0; k < K; k++) {
          const g = z[k]! - (k === label ? 1 : 0);
          b[k]! -= lr * g * 0.1;
          for (const f of features) {
            const at = f * K + k;
            W[at]! -= lr * (g * v + options.l2 * W[at]!);
          }
        }
      }
    }
    // Rounded (and features with no weight left dropped) here, not only when saved: the model the
    // build saves and the one trained in memory classify alike.
    const weights = new Map<string, Float64Array>();
    for (const [f, i] of [...index].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      const w = W.slice(i * K, i * K + K).map(rounded);
      if (w.some((x) => x !== 0)) weights.set(f, w);
    }
    return new LocaleModel(intents, b.map(rounded), weights);
  }

  static fromJSON(json: LocaleModelJSON): LocaleModel {
    const real = (w: readonly number[]) => Float64Array.from(w, (x) => x / SCALE);
    return new LocaleModel(json.intents, real(json.bias), new Map(Object.entries(json.weights).map(([f, w]) => [f, real(w)])));
  }

  toJSON(): LocaleModelJSON {
    const whole = (w: Float64Array) => [...w].map((x) => Math.round(x * SCALE));
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.weights) weights[f] = whole(w);
    return { intents: [...this.intents], bias: whole(this.bias), weights };
  }

  /** Probabilities per intent, best first ([] for a text with no feature the model knows). */
  scores(locale: Locale, prepared: string): IntentScore[] {
    const features = featuresOf(locale, prepared);
    const known = features.map((f) => this.weights.get(f)).filter((w): w is Float64Array => w !== undefined);
    if (!known.length) return [];
    const v = 1 / Math.sqrt(features.length);
    const z = Float64Array.from(this.bias);
    for (const w of known) for (let k = 0; k < z.length; k++) z[k]! += w[k]! * v;
    softmaxInPlace(z);
    return this.intents.map((intent, k) => ({ intent, score: z[k]! })).sort((a, b) => b.score - a.score);
  }
}

/** The text the features are made of: what NLP.js sees (identifiers blanked, shorthand folded, one language). */
export function prepare(text: string, locale: Locale): string {
  return inOneLanguage(classifierText(text), locale);
}

/** The logistic-regression classifier, one model per language. */
export class LinearIntentClassifier {
  private constructor(private readonly models: Partial<Record<Locale, LocaleModel>>) {}

  static train(examples: readonly TrainingExample[], options: LinearTrainingOptions = {}): LinearIntentClassifier {
    const settings = { ...DEFAULTS, ...options };
    const models: Partial<Record<Locale, LocaleModel>> = {};
    for (const locale of LOCALES) {
      const mine = examples.filter((e) => e.locale === locale);
      if (mine.length) models[locale] = LocaleModel.train(mine, locale, settings);
    }
    return new LinearIntentClassifier(models);
  }

  static fromJSON(json: LinearModelJSON): LinearIntentClassifier {
    if (json.format !== LINEAR_FORMAT) throw new Error(`not a ${LINEAR_FORMAT} model`);
    const models: Partial<Record<Locale, LocaleModel>> = {};
    for (const locale of LOCALES) {
      const m = json.locales[locale];
      if (m) models[locale] = LocaleModel.fromJSON(m);
    }
    return new LinearIntentClassifier(models);
  }

  toJSON(): LinearModelJSON {
    const locales: LinearModelJSON['locales'] = {};
    for (const locale of LOCALES) {
      const m = this.models[locale];
      if (m) locales[locale] = m.toJSON();
    }
    return { format: LINEAR_FORMAT, locales };
  }

  /** Probabilities of the intents for a text already prepared (`prepare`), best first. */
  scoresOfPrepared(locale: Locale, prepared: string): IntentScore[] {
    return this.models[locale]?.scores(locale, prepared) ?? [];
  }

  classify(locale: Locale, text: string): IntentScore[] {
    return this.scoresOfPrepared(locale, prepare(text, locale));
  }
}
