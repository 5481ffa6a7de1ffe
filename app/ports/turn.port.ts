import type { AuditPlatform, Locale, PlatformIdentity } from '../../domain';

/** What kind of conversation a message came from, whatever the platform calls it. */
export type ConversationKind = 'personal' | 'group' | 'channel';

/**
 * One incoming turn as the product sees it, with no platform shape left: each adapter (Teams, Slack)
 * fills it in from its own activity, and the dialogs and the application layer read only this.
 */
export interface ChatTurn {
  platform: AuditPlatform;
  /** Who is speaking, as the directory indexes people (absent when the platform did not say). */
  identity?: PlatformIdentity;
  conversationKind: ConversationKind;
  /**
   * false: the bot cannot post here unasked (Slack: /partner typed in a DM between two people), so the
   * conversation is never saved as where to reach the person. Unset: it can.
   */
  reachable?: false;
  /** The language the client reports for the person, when it is one we speak. */
  locale?: Locale;
  /** The client's IANA time zone, when it reports one. */
  timeZone?: string;
}
