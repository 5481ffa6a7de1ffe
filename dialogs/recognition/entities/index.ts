export { EntityExtractor } from './entity.extractor';
export { LiveOrganizationIndex, OrganizationIndex, type OrganizationMatcher } from './organization-index';
export { foldText, foldString, type FoldedText } from './folded-text';
export { PhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher';
