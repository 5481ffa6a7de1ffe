import { createNlpjsClassifier, type LoadOrTrainOptions } from '../adapters/nlpjs';
import { MessageRecognizer, type OrganizationMatcher, type OrganizationNames } from '../dialogs/recognition';

export interface CreateRecognizerOptions extends LoadOrTrainOptions {
  organizations?: readonly OrganizationNames[] | OrganizationMatcher;
  threshold?: number;
}

/** The default recognizer: the NLP.js model the build saved (or trained once in memory), with the directory's names. */
export async function createRecognizer(options: CreateRecognizerOptions = {}): Promise<MessageRecognizer> {
  const classifier = await createNlpjsClassifier(options);
  return new MessageRecognizer(classifier, { ...(options.organizations ? { organizations: options.organizations } : {}), ...(options.threshold !== undefined ? { threshold: options.threshold } : {}) });
}
