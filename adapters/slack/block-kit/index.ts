/**
 * Adaptive Cards as Slack Block Kit: the Slack adapter's card host. Pure functions, no Slack client.
 *
 *   renderCard(card, opts)        -> { blocks, text, truncated } for chat.postMessage / chat.update
 *   renderShowCard(card, path)    -> the inner card of a clicked Action.ShowCard
 *   clickToActionData(payload)    -> the Action.Submit / Action.Execute data Teams would have sent
 *   validateBlocks(blocks)        -> Slack limit problems (empty = valid)
 *
 * Button action_ids all start with "ac:" (route them with CARD_ACTION_ID); input block_ids with "aci".
 */
export { renderCard, renderShowCard } from './card.renderer';
export { resolveShowCard } from './card-paths';
export { clickToActionData, stashedKey } from './click.mapper';
export type { ClickAction, ClickErrorCode, ClickOptions, ClickResult } from './click.mapper';
export { validateBlocks } from './block.validator';
export { decodeInputBlockId } from './input-ids.codec';
export type { DecodedBlockId, InputKind } from './input-ids.codec';
export { BlockKitError, BLOCK_KIT_ERROR_CODES } from './block-kit.errors';
export type { BlockKitErrorCode } from './block-kit.errors';
export { LIMITS as SLACK_BLOCK_LIMITS } from './slack-limits';
export type { AdaptiveCardJson, RenderOptions, RenderResult } from './adaptive-card.types';
export type { Block, SlackBlockActionsPayload, SlackStateValue } from './block-kit.types';
export type { BlockKitLocale } from './locale-strings';

/** Bolt routing: every button this renderer writes has an action_id matching this. */
export const CARD_ACTION_ID = /^ac:/;
export { datasetOfActionId, searchActionId } from './search-action-id';
