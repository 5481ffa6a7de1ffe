import type { AuditEntry, Locale, OutboundMessage, RequestView } from '../../domain';

/** The reader a card is drawn for. */
export interface ReaderContext {
  locale: Locale;
  /** IANA time zone; dates are shown in UTC, saying so, without it. */
  timeZone?: string;
  /** For "expires in N days". */
  now?: Date;
  /** Issue 18: many readers (an approval channel): each reader's client draws the times in their own zone. */
  perReader?: boolean;
}

/** Draws the cards notifications carry (implemented by cards/, wired in bot/). */
export interface NotificationCardsPort {
  /** The approval card: with Approve and Reject for approvers (`buttons`, the default), a status view otherwise. */
  approval(view: RequestView, approverUserIds: readonly string[], reader: ReaderContext, options?: { buttons?: boolean }): OutboundMessage;
  /** Issue 15: the approval card again, saying how long it has waited and when it expires. */
  reminder(view: RequestView, approverUserIds: readonly string[], reader: ReaderContext, reminder: { waitedDays: number }): OutboundMessage;
  /** The card that tells a request's outcome. */
  decided(view: RequestView, reader: ReaderContext, options?: { forRequester?: boolean }): OutboundMessage;
  /**
   * Issue 17: the completing card again as a reminder to one organization that must act in Partner
   * Center (its step first): how long it has waited since the last approval, or the licence term ending.
   */
  completionReminder(view: RequestView, reader: ReaderContext, reminder: { side: 'provider' | 'reseller' | 'partner' | 'customer'; waitedDays: number; termEndsOn?: Date }): OutboundMessage;
  /** Tells the requester that nobody at the organization of the current step can decide yet. */
  waitingToJoin(view: RequestView, reader: ReaderContext): OutboundMessage;
  /** Issue 15: a note someone added to a request (with a Details button). */
  note(view: RequestView, entry: AuditEntry, reader: ReaderContext): OutboundMessage;
  /** Issue 16: tells a person an admin made them an approver of their organization, or stopped them being one. */
  approverChanged(change: { op: 'add' | 'remove'; organizationName: string; byName: string; at: Date }, reader: ReaderContext): OutboundMessage;
}
