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
  /** The language the client reports for the person, when it is one we speak. */
  locale?: Locale;
  /** The client's IANA time zone, when it reports one. */
  timeZone?: string;
}
