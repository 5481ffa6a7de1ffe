import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EnsembleIntentClassifier } from './ensemble';
import { LinearIntentClassifier, type LinearModelJSON } from './linear-classifier';
import { NlpjsIntentClassifier } from './nlpjs-engine';
import { projectRoot, readTrainingData, type TrainingData } from './training-data';

// 2: Japanese features are ICU words (japanese-segmenter.ts), no longer kuromoji readings; a /1 model
// loaded now would match almost no Japanese word, so it is retrained instead. 4: the other language's
// words for the bot's things are replaced before training (mixed-language.ts). 5: the linear model
// (linear-classifier.ts) is saved next to the network.
export const MODEL_FORMAT = 'partner-link-nlu/nlpjs/5';

/** The saved model: NLP.js's own JSON and the linear model's, wrapped with what they were trained on. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  trainingHash: string;
  examples: number;
  trainedAt: string;
  nlpjs: unknown;
  linear: LinearModelJSON;
}

/** Where the build writes the model: dist/nlu/model.json under the project root. */
export function defaultModelPath(): string {
  return join(projectRoot(), 'dist', 'nlu', 'model.json');
}

/** Trains both classifiers on the data and returns their ensemble with its exportable model. */
export async function trainModel(data: TrainingData): Promise<{ classifier: EnsembleIntentClassifier; model: ModelFile }> {
  const nlpjs = await NlpjsIntentClassifier.train(data.examples);
  const linear = LinearIntentClassifier.train(data.examples);
  const classifier = new EnsembleIntentClassifier(nlpjs, linear);
  const model: ModelFile = {
    format: MODEL_FORMAT,
    trainingHash: data.hash,
    examples: data.examples.length,
    trainedAt: new Date().toISOString(),
    nlpjs: nlpjs.toJSON(),
    linear: linear.toJSON(),
  };
  return { classifier, model };
}

export interface TrainReport {
  file: string;
  examples: number;
  bytes: number;
  millis: number;
  /** NLP.js warnings, such as utterances that teach nothing; the build prints them. */
  warnings: readonly string[];
}

/** Build step: reads nlu/train.*.yaml, trains, and writes the model JSON (dist/nlu/model.json by default). */
export async function trainAndWriteModel(file: string = defaultModelPath(), trainingDir?: string): Promise<TrainReport> {
  const started = performance.now();
  const data = await readTrainingData(trainingDir);
  const { classifier, model } = await trainModel(data);
  const json = JSON.stringify(model);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, json, 'utf8');
  return { file, examples: model.examples, bytes: Buffer.byteLength(json), millis: Math.round(performance.now() - started), warnings: classifier.warnings };
}
