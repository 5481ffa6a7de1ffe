import type { AuditEntry, PartnerRequest, Person, RecordedReminder } from '../../domain';

/**
 * Telling people about requests outside the conversation they are in: approvers when a request
 * awaits them, requesters when it is decided. The application layer implements it (app/notifications)
 * over each platform's proactive sender; dialogs only say what happened.
 */
export interface NotificationPort {
  /** The request now awaits the admins of its current approval step. */
  approvalRequested(request: PartnerRequest): Promise<void>;
  /** The request moved on (a step approved, or closed): update approvers, tell the requester. */
  requestUpdated(request: PartnerRequest, previous?: PartnerRequest, options?: RequestUpdatedOptions): Promise<void>;
  /** Issue 15: the request expired: cards replaced, the requester and the step's approvers told. */
  requestExpired(request: PartnerRequest, previous: PartnerRequest): Promise<void>;
  /** Issue 15: a reminder was recorded on the request: the current step's approvers get it. */
  remind(reminded: RecordedReminder): Promise<void>;
  /**
   * The bot can now reach this person (their first conversation with it, or an install): approval
   * cards waiting for their organization are delivered to them if they decide for it.
   */
  personReachable(person: Person): Promise<void>;
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
  /** Of these organizations, those with nobody the bot can reach who decides for them (no admin on Partner Link yet). */
  unreachableOrgIds(orgIds: readonly string[]): Promise<string[]>;
  /** The organization a pending request waits for to join Partner Link, if nobody there can be reached. */
  awaitingJoin(request: PartnerRequest): Promise<string | undefined>;
}

/** Issue 18: what the turn that changed the request already did itself. */
export interface RequestUpdatedOptions {
  /** The posted card the click's own answer replaces: the notifier leaves that message alone (one update, not two). */
  replaced?: { platform: 'teams' | 'slack'; messageId: string };
}
