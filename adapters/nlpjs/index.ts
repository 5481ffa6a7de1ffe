import type { OrganizationNames } from '../../dialogs/recognition';
import { loadOrTrainClassifier, type LoadOrTrainOptions } from './load-or-train';
import { NlpjsRecognizer } from './nlpjs.recognizer';

export { NlpjsRecognizer, DEFAULT_INTENT_THRESHOLD, type NlpjsRecognizerOptions } from './nlpjs.recognizer';
export { loadOrTrainClassifier, type LoadedClassifier, type LoadOrTrainOptions } from './load-or-train';
export { defaultModelPath, trainAndWriteModel, trainModel, MODEL_FORMAT, type ModelFile, type TrainReport } from './train';
export { readTrainingData, readTrainingSource, parseTrainingYaml, defaultTrainingDir, type TrainingData, type TrainingExample } from './training-data';
export { NlpjsIntentClassifier, type IntentClassifier, type IntentScore } from './nlpjs-engine';

export interface CreateNlpjsRecognizerOptions extends LoadOrTrainOptions {
  organizations?: readonly OrganizationNames[];
  threshold?: number;
}

/** The default recognizer: loads the model the build saved (or trains once in memory) and wraps it. */
export async function createNlpjsRecognizer(options: CreateNlpjsRecognizerOptions = {}): Promise<NlpjsRecognizer> {
  const { classifier } = await loadOrTrainClassifier(options);
  return new NlpjsRecognizer(classifier, { organizations: options.organizations, threshold: options.threshold });
}
