import { TurnContext } from 'botbuilder';
import type { ConversationKind, MentionedPerson } from '../app/ports';
import type { CardAction } from '../cards';
import type { AuditPlatform, Locale, Person } from '../domain';
import { DialogError } from './dialog-errors';
import type { Recognition } from './recognition';

/**
 * What the bot layer learned about this turn before the dialogs run: who is speaking (from the
 * directory), in which language to answer, from which platform, and the card click, parsed.
 */
export interface TurnInfo {
  person?: Person;
  locale: Locale;
  timeZone?: string;
  platform: AuditPlatform;
  /** Personal chat, group chat or channel, as the platform's adapter described it. */
  conversationKind: ConversationKind;
  /** A validated card click (Action.Execute or Action.Submit), when this turn is one. */
  action?: CardAction;
  /** Issue 18: the language of the card clicked (its buttons say it): the answer keeps to it. */
  cardLocale?: Locale;
  /** A click whose data did not validate: the reason, so that the user can be told. */
  badAction?: string;
  /** Recognition of the message text, filled in once by the router. */
  recognition?: Recognition;
  /** Stable ID of the incoming activity, for idempotent commands. */
  activityId?: string;
  /**
   * Issue 18: the posted message this turn replaces itself with its answer (a Slack DM card clicked, an
   * Action.Submit reply), so the notifier does not redraw it as well (one update, not two racing ones).
   */
  replacesMessage?: { platform: 'teams' | 'slack'; messageId: string };
  /** Issue 16: people @mentioned in the message (not the bot), as the platform's adapter found them. */
  mentions?: MentionedPerson[];
}

const KEY = Symbol('partner-link.turn-info');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(KEY, info);
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(KEY) as TurnInfo | undefined;
  if (!info) throw new DialogError('TURN_INFO_MISSING', 'turn info missing: the bot must call setTurnInfo before running dialogs');
  return info;
}

export const cardContext = (info: TurnInfo) => ({ locale: info.locale, ...(info.timeZone ? { timeZone: info.timeZone } : {}), now: new Date() });

/** The message text with any @mention of the bot removed ("@Partner Link approvals here"). */
export function messageText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  // Also drop mention markup the channel did not describe in entities.
  // Slack's user mentions (<@U…> or <@U…|label>) likewise: who was mentioned is in TurnInfo.mentions.
  return text.replace(/<at>[^<]*<\/at>/g, '').replace(/<@[UW][A-Z0-9]+(\|[^<>]*)?>/g, ' ').replace(/ {2,}/g, ' ').trim();
}
