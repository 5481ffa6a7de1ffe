import type { IntentClassifier } from '../../app/ports';
import { loadOrTrainClassifier, type LoadOrTrainOptions } from './load-or-train';

export { loadOrTrainClassifier, type LoadedClassifier, type LoadOrTrainOptions } from './load-or-train';
export { defaultModelPath, trainAndWriteModel, trainModel, MODEL_FORMAT, type ModelFile, type TrainReport } from './train';
export { readTrainingData, readTrainingSource, parseTrainingYaml, defaultTrainingDir, type TrainingData, type TrainingExample } from './training-data';
export { NlpjsIntentClassifier, type IntentClassifier, type IntentScore } from './nlpjs-engine';
export { EnsembleIntentClassifier, LINEAR_SHARE } from './ensemble';
export { LinearIntentClassifier, LINEAR_FORMAT, featuresOf, type LinearModelJSON } from './linear-classifier';

/** The default intent classifier: the model the build saved (or trained once in memory). */
export async function createNlpjsClassifier(options: LoadOrTrainOptions = {}): Promise<IntentClassifier> {
  return (await loadOrTrainClassifier(options)).classifier;
}
