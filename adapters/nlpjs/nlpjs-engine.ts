import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { NluManager, NluNeural } from '@nlpjs/nlu';
import { LOCALES, type IntentClassifier, type IntentScore, type Locale } from '../../app/ports';
import { classifierText } from './classifier-text';
import { LangJaSegmenter } from './japanese-segmenter';
import { inOneLanguage } from './mixed-language';
import { outOfScopeAction } from './scope-guard';
import type { TrainingExample } from './training-data';

export type { IntentClassifier, IntentScore };

// Settings for every per-language classifier: quiet training, typo tolerance of one edit per word.
const NLU_SETTINGS = {
  log: false,
  keepStopwords: true,
  nonefeatureValue: 1,
  nonedeltaMultiplier: 1.2,
  spellCheck: true,
  spellCheckDistance: 1,
  filterZeros: true,
};

/** NLP.js logs through the container's logger; we keep its warnings (for the build to print) instead. */
function collectingLogger(warnings: string[]) {
  const ignore = () => undefined;
  const keep = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { name: 'logger', debug: ignore, info: ignore, log: ignore, trace: ignore, warn: keep, error: keep, fatal: keep };
}

async function newManager(warnings: string[]): Promise<NluManager> {
  const container = await containerBootstrap();
  container.register('logger', collectingLogger(warnings), true);
  container.use(LangEn);
  container.use(new LangJaSegmenter()); // not @nlpjs/lang-ja: its kuromoji dictionary is slow to load and large
  container.use(NluNeural);
  container.registerConfiguration('nlu-??', NLU_SETTINGS, true);
  return new NluManager({ container, locales: [...LOCALES], trainByDomain: false, useNoneFeature: true });
}

/** How many classifications NLP.js may remember the prepared words of before they are forgotten. */
const FORGET_EVERY = 1000;

/** An NLP.js neural intent classifier (one network per language), trained or restored from JSON. */
export class NlpjsIntentClassifier implements IntentClassifier {
  private classified = 0;

  private constructor(
    private readonly manager: NluManager,
    /** What NLP.js warned about, such as a training utterance made only of stop words (it teaches nothing). */
    readonly warnings: readonly string[],
  ) {}

  static async train(examples: readonly TrainingExample[]): Promise<NlpjsIntentClassifier> {
    const warnings: string[] = [];
    const manager = await newManager(warnings);
    for (const e of examples) manager.add(e.locale, inOneLanguage(classifierText(e.text), e.locale), e.intent);
    await manager.train({ log: false });
    const trained = new NlpjsIntentClassifier(manager, warnings);
    trained.forgetPreparedUtterances(); // training prepared every example: nothing to keep
    return trained;
  }

  static async fromJSON(json: unknown): Promise<NlpjsIntentClassifier> {
    const warnings: string[] = [];
    const manager = await newManager(warnings);
    manager.fromJSON(json);
    // NLP.js's restore fills each network's intent list without its built-in "None", so a restored model
    // would drop None's share and score differently from the freshly trained one. Clearing the list lets
    // NLP.js rebuild it lazily, with None, exactly as after training.
    for (const dm of Object.values(manager.domainManagers)) for (const nlu of Object.values(dm.domains)) nlu.intentsArr = undefined;
    return new NlpjsIntentClassifier(manager, warnings);
  }

  /**
   * NLP.js keeps every utterance it has prepared (normalized, tokenized) for an hour, and its English
   * tokenizer every text: on a busy bot that is memory growing with each distinct message. Clearing
   * them now and then bounds it; a cleared entry is only prepared again.
   */
  private forgetPreparedUtterances(): void {
    for (const dm of Object.values(this.manager.domainManagers)) for (const nlu of Object.values(dm.domains)) if (nlu.cache) nlu.cache.results = {};
    for (const locale of LOCALES) {
      const tokenizer = this.manager.container.get(`tokenizer-${locale}`) as { cache?: unknown } | undefined;
      if (tokenizer && 'cache' in tokenizer) tokenizer.cache = undefined;
    }
  }

  toJSON(): unknown {
    return this.manager.toJSON();
  }

  async classify(locale: Locale, text: string): Promise<IntentScore[]> {
    const prepared = inOneLanguage(classifierText(text), locale);
    if (!prepared) return [{ intent: 'None', score: 1 }];
    if (++this.classified % FORGET_EVERY === 0) this.forgetPreparedUtterances();
    const result = await this.manager.process(locale, prepared);
    const ranked = (result.classifications ?? []).filter((c) => c.score > 0);
    if (result.intent === 'None' || ranked.length === 0) return [{ intent: 'None', score: result.score ?? 1 }, ...ranked];
    if (outOfScopeAction(ranked[0]!.intent, prepared)) return [{ intent: 'None', score: 1 }, ...ranked];
    return ranked;
  }
}
