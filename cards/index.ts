/**
 * The Adaptive Card set (schema 1.5, English and Japanese): pure functions `(model, ctx) => card JSON`,
 * the click contract every host produces (`parseCardAction`), and the input IDs forms and dialogs share.
 */
export * from './actions';
export type * from './models';
export type * from './schema';
export { CARD_SCHEMA_URL, CARD_VERSION } from './schema';
export { stringsFor, type CardStrings } from './strings';
export { formatDate, formatDateTime } from './format';

export { welcomeCard } from './welcome.card';
export { linkDistributorFormCard } from './link-distributor-form.card';
export { addPartnerFormCard } from './add-partner-form.card';
export { multichannelFormCard } from './multichannel-form.card';
export { confirmationCard } from './confirmation.card';
export { submittedCard } from './submitted.card';
export { approvalCard, MAX_REFRESH_USERS } from './approval.card';
export { decidedCard } from './decided.card';
export { myRequestsCard, MAX_LISTED_REQUESTS } from './my-requests.card';
export { requestDetailCard, MAX_AUDIT_ENTRIES } from './request-detail.card';
export { refusalCard } from './refusal.card';
export { helpCard } from './help.card';
export { errorCard } from './error.card';
export { MAX_CHOICES } from './form-parts';
export { clickData, type Click } from './click';
export { cardSummary } from './summary';
export { notificationCards } from './notification-cards';
export { waitingToJoinCard } from './waiting-to-join.card';
export { noticeCard } from './notice.card';
export { noteCard } from './note.card';
export { approversCard, approverPickCard, approverResultCard, approverChangedCard, MAX_LISTED_PEOPLE, type ApproverCardPerson } from './approvers.card';
export { approverStrings, type ApproverStrings } from './strings/approvers';
export { clarifyCard, MAX_QUOTED } from './clarify.card';
export { clarifyStrings, type ClarifyStrings } from './strings/clarify';
export { fitCard, cardBytes, CARD_BUDGET_BYTES, TEAMS_MESSAGE_MAX_BYTES, type FittedCard } from './card-fit';
export { SEARCHABLE_LISTED } from './form-parts';
export { datasetName, parseSearchQuery, DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS, type SearchDataset, type SearchQuery, type ParsedSearch } from './search-query';
