import type { AuditPlatform, Locale, Organization, Person, PlatformIdentity } from '../../domain';
import type { MentionedPerson } from './approvers.port';

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
  /**
   * Where the person writes from, as the platform vouches for it: the Entra tenant of an authenticated
   * Teams activity, or the person's own Slack workspace (in a Slack Connect channel, theirs, not the
   * install's). Decides which organization someone not in the directory joins, if any.
   */
  home?: TurnHome;
  /** The person's display name as the platform gives it (a newcomer is added with it). */
  displayName?: string;
  /** Issue 16: people @mentioned in the message (never the bot itself), in order. */
  mentions?: MentionedPerson[];
}

export type TurnHome = { platform: 'teams'; tenantId: string } | { platform: 'slack'; teamId: string; enterpriseId?: string };

/**
 * Who is writing, before any dialog runs:
 * - `known`: in the directory;
 * - `joined`: not in the directory, writing from the tenant or workspace of an organization the
 *   directory knows: added now as a requester of that organization (and only that one);
 * - `outsider`: writing from a tenant or workspace that belongs to no organization: to be refused,
 *   and nothing may be stored for them;
 * - `unidentified`: the platform did not say who or where from (the emulator, a system turn): the
 *   dialogs tell them how to get access.
 */
export type Admission =
  | { kind: 'known'; person: Person }
  | { kind: 'joined'; person: Person; organization: Organization }
  | { kind: 'outsider'; home: TurnHome }
  | { kind: 'unidentified' };

/** Finds (or, on first contact from a known organization's tenant or workspace, adds) the person behind a turn. */
export type AdmitPort = (turn: ChatTurn, fallbackName: string) => Promise<Admission>;
