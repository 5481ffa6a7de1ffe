import { LIMITS } from './slack-limits';

/**
 * Issue 19: a searchable choice (Adaptive Cards `choices.data`) becomes an external_select whose
 * action_id carries the dataset, so that Slack's block_suggestion request, which names the action and
 * the typed text, leads back to what the card asked to search. Its block_id stays the input's (see
 * input-ids.codec.ts), so the chosen value is read like any other choice.
 */
const PREFIX = 'acs:';
const DATASET = /^[A-Za-z0-9_:.-]{1,200}$/;

/** The action_id for a searched dataset, or undefined when the name cannot travel in one. */
export function searchActionId(dataset: string): string | undefined {
  const id = PREFIX + dataset;
  return DATASET.test(dataset) && id.length <= LIMITS.actionId ? id : undefined;
}

export function isSearchActionId(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith(PREFIX) && DATASET.test(id.slice(PREFIX.length)) && id.length <= LIMITS.actionId;
}

/** The dataset a block_suggestion's action_id names, or undefined (not one of ours). */
export function datasetOfActionId(id: unknown): string | undefined {
  return isSearchActionId(id) ? (id as string).slice(PREFIX.length) : undefined;
}
