/** The conversations: platform-free, on botbuilder-dialogs, speaking the one activity model. */
export { PartnerLinkDialogs } from './partner-link.dialogs';
export type { ConversationPrefs } from './conversation-prefs';
export type { DialogDeps } from './dialog-deps';
export { setTurnInfo, turnInfo, type TurnInfo } from './turn-info';
export { handleRequestAction, isRequestAction, type RequestAction } from './actions/request-actions';
export { currentRequestCard, mayDecide } from './actions/request-cards';
export { cardMessage, cardSummary } from './replies';
export { requestView } from './views';
export * from './recognition';
