import type { PartnerRequest } from '../request';

/**
 * Telling people about requests outside the conversation they are in: approvers when a request
 * awaits them, requesters when it is decided. The bot implements it per platform (Teams proactive
 * messages, Slack chat.postMessage); dialogs only say what happened.
 */
export interface NotificationPort {
  /** The request now awaits the admins of its current approval step. */
  approvalRequested(request: PartnerRequest): Promise<void>;
  /** The request moved on (a step approved, or closed): update approvers, tell the requester. */
  requestUpdated(request: PartnerRequest, previous: PartnerRequest): Promise<void>;
}
