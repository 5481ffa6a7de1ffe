import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { NluManager, NluNeural } from '@nlpjs/nlu';
import { LOCALES, type IntentClassifier, type IntentScore, type Locale } from '../../app/ports';
import { LangJaSegmenter } from './japanese-segmenter';
import { prepare } from './linear-classifier';
import { aboutSomethingElse, outOfScopeAction, outOfScopeHelp, speaksOfTheBotsThings } from './scope-guard';
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

/** Fewer words than this are read only as a whole. */
const PIECES_FROM_WORDS = 6;
/** How many words a run of a long message has, and how far the next run starts. */
const RUN_WORDS = 5;
const RUN_STEP = 2;
/** However long the message, at most this many parts are read (each is one more classification). */
const MAX_PIECES = 24;
const SENTENCES = /[.!?。！？]\s/u;
const CLAUSE_END = /[,;:.!?…、。！？]+|\s(?:and|but|so|because|since|then)\s|\s-+\s/iu;

/**
 * The parts of a long message to read one by one: its clauses, and runs of RUN_WORDS words every
 * RUN_STEP words (Japanese, with no spaces between words, only by its clauses). A message of fewer than
 * PIECES_FROM_WORDS words (or 12 characters of Japanese), or of several sentences, has none; no message has more than MAX_PIECES.
 */
export function piecesOf(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(text);
  if (japanese ? text.length < 12 : words.length < PIECES_FROM_WORDS) return [];
  // Several sentences are the recognizer's to read one by one (dialogs/recognition/recognizer.ts).
  if (SENTENCES.test(text.replace(/[.!?。！？\s]+$/u, ''))) return [];
  const pieces = new Set(text.split(CLAUSE_END).map((c) => c.trim()).filter((c) => c && c !== text));
  if (!japanese) for (let i = 0; i + RUN_WORDS <= words.length + RUN_STEP - 1 && i < words.length; i += RUN_STEP) pieces.add(words.slice(i, i + RUN_WORDS).join(' '));
  pieces.delete(text);
  return [...pieces].slice(0, MAX_PIECES);
}

/** Scores that again add up to 1 once one reading is left out. */
function renormalised(scores: IntentScore[]): IntentScore[] {
  const total = scores.reduce((sum, s) => sum + s.score, 0);
  return total > 0 ? scores.map((s) => ({ intent: s.intent, score: s.score / total })) : scores;
}

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
    for (const e of examples) manager.add(e.locale, prepare(e.text, e.locale), e.intent);
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
    const prepared = prepare(text, locale);
    const ranked = await this.rankedOfPrepared(locale, prepared);
    return ranked[0]?.intent === 'None' ? ranked : inScope(ranked, prepared);
  }

  /**
   * The network's reading of a text already prepared (linear-classifier.ts `prepare`), before the
   * out-of-scope guard: best first, the network's own "None" first when it saw no known word.
   */
  async rankedOfPrepared(locale: Locale, prepared: string): Promise<IntentScore[]> {
    if (!prepared) return [{ intent: 'None', score: 1 }];
    if (++this.classified % FORGET_EVERY === 0) this.forgetPreparedUtterances();
    const whole = await this.scoresOf(locale, prepared);
    if (whole.length > 0) return whole;
    // Nothing scored above zero. The network's units add a weight for every word and report nothing
    // at or below zero, so a long chatty message ("would it be possible to see the requests I've made",
    // "we got Dynamics 365 from a third party reseller, want a CSP partner to support it") can sum below
    // zero everywhere though a part of it is plainly a request. Its clauses and short runs of its words
    // are read instead, and the most confident of them answers (issue 18, English on held-out text).
    for (const piece of piecesOf(prepared)) {
      const read = await this.scoresOf(locale, piece);
      if (read.length > 0 && read[0]!.intent !== 'None' && read[0]!.score > (whole[0]?.score ?? 0)) whole.splice(0, whole.length, ...read);
    }
    return whole.length > 0 ? whole : [{ intent: 'None', score: 1 }];
  }

  /** The classifications above zero of one prepared text, best first; [] when nothing is above zero. */
  private async scoresOf(locale: Locale, prepared: string): Promise<IntentScore[]> {
    const result = await this.manager.process(locale, prepared);
    const ranked = (result.classifications ?? []).filter((c) => c.score > 0 && c.intent !== 'None');
    if (result.intent === 'None' && ranked.length > 0) return [{ intent: 'None', score: result.score ?? 1 }, ...ranked];
    return ranked;
  }
}

/**
 * The out-of-scope guard (scope-guard.ts) on a ranking: a plea for help or an action read from a text
 * that speaks of nothing this bot handles is `None` instead, the reading kept after it.
 */
export function inScope(ranked: IntentScore[], prepared: string): IntentScore[] {
  if (ranked[0]!.intent === 'None') return ranked;
  if (outOfScopeHelp(ranked[0]!.intent, prepared)) {
    // Not a plea for help: about the bot's things, the next reading ("whats the status of the disti link i asked for"); else nothing.
    const rest = ranked.slice(1);
    if (speaksOfTheBotsThings(prepared) && rest.length > 0) return inScope(renormalised(rest), prepared);
    return [{ intent: 'None', score: 1 }, ...ranked];
  }
  if (outOfScopeAction(ranked[0]!.intent, prepared) || aboutSomethingElse(ranked[0]!.intent, prepared)) return [{ intent: 'None', score: 1 }, ...ranked];
  return ranked;
}
