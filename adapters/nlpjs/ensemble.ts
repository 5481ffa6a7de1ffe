import type { IntentClassifier, IntentScore, Locale } from '../../app/ports';
import type { LinearIntentClassifier} from './linear-classifier';
import { prepare } from './linear-classifier';
import type { NlpjsIntentClassifier } from './nlpjs-engine';
import { inScope } from './nlpjs-engine';

/**
 * How much of the combined score is the linear model's (the rest is the NLP.js network's). Compared on
 * nlu/eval.jsonl: see the README's NLU section.
 */
export const LINEAR_SHARE = 0.8;
/**
 * The average of two distributions is softer than either when they agree only on the best intent, and
 * the dialogs ask when the best score is low (NLU_ASK_BELOW); the combined scores are raised to this
 * power and normalised again, which keeps their order and brings them back to the network's scale.
 */
export const SHARPEN = 4;

/** A ranking as a distribution over intents: the network's own "None" counts as `none`, scores add up to 1. */
function distribution(ranked: readonly IntentScore[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of ranked) {
    const intent = r.intent === 'None' ? 'none' : r.intent;
    out.set(intent, Math.max(out.get(intent) ?? 0, r.score));
  }
  const total = [...out.values()].reduce((a, b) => a + b, 0);
  if (total > 0) for (const [k, v] of out) out.set(k, v / total);
  return out;
}

/**
 * Issue 18: the default intent classifier, the NLP.js network and the linear model side by side, their
 * probabilities averaged (LINEAR_SHARE). The network alone swung a whole message on one word it had
 * weighted heavily ("link" in "any news on the disti link"); the linear model reads every word and
 * word pair at once and is better calibrated, the network knows typos and stems. The out-of-scope guard
 * (scope-guard.ts) runs on the combined ranking.
 */
export class EnsembleIntentClassifier implements IntentClassifier {
  constructor(
    readonly nlpjs: NlpjsIntentClassifier,
    readonly linear: LinearIntentClassifier,
    private readonly linearShare: number = LINEAR_SHARE,
    private readonly sharpen: number = SHARPEN,
  ) {}

  get warnings(): readonly string[] {
    return this.nlpjs.warnings;
  }

  async classify(locale: Locale, text: string): Promise<IntentScore[]> {
    const prepared = prepare(text, locale);
    if (!prepared) return [{ intent: 'None', score: 1 }];
    const network = distribution(await this.nlpjs.rankedOfPrepared(locale, prepared));
    const linear = distribution(this.linear.scoresOfPrepared(locale, prepared));
    const share = linear.size ? this.linearShare : 0;
    const combined = new Map<string, number>();
    for (const [k, v] of network) combined.set(k, (1 - share) * v);
    for (const [k, v] of linear) combined.set(k, (combined.get(k) ?? 0) + share * v);
    let total = 0;
    for (const [k, v] of combined) {
      const p = v ** this.sharpen;
      combined.set(k, p);
      total += p;
    }
    const ranked = [...combined]
      .map(([intent, score]) => ({ intent, score: total > 0 ? score / total : score }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || (a.intent < b.intent ? -1 : 1));
    return ranked.length ? inScope(ranked, prepared) : [{ intent: 'None', score: 1 }];
  }
}
