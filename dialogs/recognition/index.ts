export * from '../../app/ports/recognizer.port';
export { MessageRecognizer, DEFAULT_INTENT_THRESHOLD, type MessageRecognizerOptions } from './recognizer';
export { commandIntent } from './commands';
export { detectLocale } from './detect-locale';
export { entitiesOfType, entityValues, firstEntity } from './entity-helpers';
export { EntityExtractor, LiveOrganizationIndex, OrganizationIndex, type OrganizationMatcher } from './entities';
export { parseEvalSet, type EvalExample, type EvalSetParse } from './eval-set';
export { evaluateRecognizer, formatEvalReport, type EvalMiss, type EvalReport, type IntentStats } from './evaluation';
