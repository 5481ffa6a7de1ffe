import type { AuditEntry, PartnerRequest, Person } from '../../domain';

/**
 * Telling people about requests outside the conversation they are in: approvers when a request
 * awaits them, requesters when it is decided. The application layer implements it (app/notifications)
 * over each platform's proactive sender; dialogs only say what happened.
 */
export interface NotificationPort {
  /** The request now awaits the admins of its current approval step. */
  approvalRequested(request: PartnerRequest): Promise<void>;
  /** The request moved on (a step approved, or closed): update approvers, tell the requester. */
  requestUpdated(request: PartnerRequest, previous: PartnerRequest): Promise<void>;
  /** Issue 15: the request was handed over (the entry names to whom): that admin gets the approval card. */
  handedOver(request: PartnerRequest, entry: AuditEntry): Promise<void>;
  /** Issue 15: a note was added: the approvers of the current step are told, and the requester when an approver wrote it. */
  noteAdded(request: PartnerRequest, entry: AuditEntry): Promise<void>;
}

/** Where people can be reached, from the conversations the bot has had with them. */
export interface ReachPort {
  /**
   * The platform user IDs of these people (Teams: the IDs their activities arrive with), for the
   * approval card's refresh list.
   */
  platformUserIds(people: readonly Person[]): Promise<string[]>;
}
