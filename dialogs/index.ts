/** The conversations: platform-free, on botbuilder-dialogs, speaking the one activity model. */
export { PartnerLinkDialogs } from './partner-link.dialogs';
export type { ConversationPrefs } from './conversation-prefs';
export type { DialogDeps } from './dialog-deps';
export { DialogError, type DialogErrorCode } from './dialog-errors';
export { setTurnInfo, turnInfo, type TurnInfo } from './turn-info';
export { handleRequestAction, isRequestAction, type RequestAction } from './actions/request-actions';
export { currentRequestCard, mayDecide } from './actions/request-cards';
export { cardMessage } from './replies';
export * from './recognition';
export { PartnerLinkBot, type BotDeps } from './bot/partner-link.bot';
export { OptimisticConversationState } from './bot/optimistic-conversation-state';
export { DEFAULT_UNDERSTANDING, type UnderstandingOptions } from './understanding/meaning';
export { CardSizeLimit } from './bot/card-size.middleware';
