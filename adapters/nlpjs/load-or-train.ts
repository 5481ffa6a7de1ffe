import { readFile } from 'node:fs/promises';
import { EnsembleIntentClassifier } from './ensemble';
import { LinearIntentClassifier } from './linear-classifier';
import { NlpjsIntentClassifier } from './nlpjs-engine';
import { defaultModelPath, MODEL_FORMAT, trainModel, type ModelFile } from './train';
import { defaultTrainingDir, parseTrainingSource, readTrainingSource, type TrainingSource } from './training-data';

export interface LoadedClassifier {
  classifier: EnsembleIntentClassifier;
  /** 'file': the saved model was loaded; 'trained': it was missing, unreadable or stale, so we trained. */
  source: 'file' | 'trained';
  /** Why we trained instead of loading (absent when loaded). */
  reason?: string;
  /** Time to read and restore, or to train, the model. */
  millis: number;
  /**
   * Time of the first Japanese classification right after, which pays for what NLP.js sets up lazily
   * (and for ICU's word segmenter data); training pays it inside `millis` instead.
   */
  warmupMillis: number;
}

export interface LoadOrTrainOptions {
  modelPath?: string;
  trainingDir?: string;
}

const cache = new Map<string, Promise<LoadedClassifier>>();

async function readModel(path: string): Promise<ModelFile | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return `no model file at ${path}`;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ModelFile>;
    return parsed.format === MODEL_FORMAT ? (parsed as ModelFile) : `${path} is not a ${MODEL_FORMAT} model`;
  } catch (e) {
    return `${path} is not valid JSON (${(e as Error).message})`;
  }
}

async function tryTrainingSource(dir: string): Promise<TrainingSource | undefined> {
  try {
    return await readTrainingSource(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function loadOrTrain(modelPath: string, trainingDir: string): Promise<LoadedClassifier> {
  const started = performance.now();
  const [model, data] = await Promise.all([readModel(modelPath), tryTrainingSource(trainingDir)]);
  let classifier: EnsembleIntentClassifier;
  let reason: string | undefined;
  if (typeof model !== 'string' && (!data || data.hash === model.trainingHash)) {
    classifier = new EnsembleIntentClassifier(await NlpjsIntentClassifier.fromJSON(model.nlpjs), LinearIntentClassifier.fromJSON(model.linear));
  } else {
    if (!data) throw new Error(`Cannot load the NLU model (${typeof model === 'string' ? model : 'stale'}) and no training data in ${trainingDir}.`);
    reason = typeof model === 'string' ? model : `${modelPath} was trained on other data than ${trainingDir}`;
    classifier = (await trainModel(parseTrainingSource(data))).classifier;
  }
  const loaded = performance.now();
  await classifier.classify('ja', 'こんにちは');
  const times = { millis: Math.round(loaded - started), warmupMillis: Math.round(performance.now() - loaded) };
  return reason ? { classifier, source: 'trained', reason, ...times } : { classifier, source: 'file', ...times };
}

/**
 * Loads the model saved by the build; if it is missing, unreadable, or trained on other data than the
 * training files next to it (a developer edited them), trains in memory instead. The result is cached per
 * model path for the life of the process, so this is cheap to call from anywhere.
 */
export function loadOrTrainClassifier(options: LoadOrTrainOptions = {}): Promise<LoadedClassifier> {
  const modelPath = options.modelPath ?? defaultModelPath();
  const trainingDir = options.trainingDir ?? defaultTrainingDir();
  const key = `${modelPath}\n${trainingDir}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = loadOrTrain(modelPath, trainingDir);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}
