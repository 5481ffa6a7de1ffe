import type { PartnerRequest, Person, RecordedReminder } from '../../domain';

/**
 * Telling people about requests outside the conversation they are in: approvers when a request
 * awaits them, requesters when it is decided. The application layer implements it (app/notifications)
 * over each platform's proactive sender; dialogs only say what happened.
 */
export interface NotificationPort {
  /** The request now awaits the admins of its current approval step. */
  approvalRequested(request: PartnerRequest): Promise<void>;
  /** The request moved on (a step approved, or closed): update approvers, tell the requester. */
  requestUpdated(request: PartnerRequest, previous?: PartnerRequest): Promise<void>;
  /** Issue 15: the request expired: cards replaced, the requester and the step's approvers told. */
  requestExpired(request: PartnerRequest, previous: PartnerRequest): Promise<void>;
  /** Issue 15: a reminder was recorded on the request: the current step's approvers get it. */
  remind(reminded: RecordedReminder): Promise<void>;
}

/** Where people can be reached, from the conversations the bot has had with them. */
export interface ReachPort {
  /**
   * The platform user IDs of these people (Teams: the IDs their activities arrive with), for the
   * approval card's refresh list.
   */
  platformUserIds(people: readonly Person[]): Promise<string[]>;
}
