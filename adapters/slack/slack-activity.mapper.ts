import { ActivityTypes, type Activity, type ChannelAccount, type ConversationReference } from 'botbuilder';
import type { SlackWorkspace } from './slack-tokens';

/** Where a Slack interaction happened and who did it. */
export interface SlackOrigin {
  /** The acting person's own workspace (in a Slack Connect channel, not necessarily the install's). */
  teamId: string;
  /** The person's Enterprise Grid organization, if any. */
  enterpriseId?: string;
  /**
   * The installation the request came through (the body's team and enterprise): every Web API call of
   * the turn acts there, with its token. Unset (older callers): the person's own workspace.
   */
  install?: SlackWorkspace;
  userId: string;
  /** The channel (D… for a DM) the message or click was in. */
  channel: string;
  /**
   * 'im' for a DM with the bot; 'dm' for a DM not known to be the bot's (a /partner typed in a DM
   * between two people: answered, but never saved as where to reach the person); anything else is a
   * channel or group conversation.
   */
  channelType?: string;
  locale?: string;
  /** Issue 18: the person's time zone from users.info (tz), carried as Bot Framework's localTimezone. */
  timeZone?: string;
  /** The person's display name (users.info), when known. */
  userName?: string;
  /** A reply in a thread: answered in that thread. */
  threadTs?: string;
  /** A slash command's or click's response_url (checked): the answer's way when the bot cannot post here. */
  responseUrl?: string;
}

export const SLACK_CHANNEL_ID = 'slack';

/** The installation a turn acts through (see SlackOrigin.install). */
export const installOf = (origin: Pick<SlackOrigin, 'teamId' | 'enterpriseId' | 'install'>): SlackWorkspace =>
  origin.install ?? { teamId: origin.teamId, ...(origin.enterpriseId ? { enterpriseId: origin.enterpriseId } : {}) };

/** What this adapter puts in an activity's channelData: the workspace, the user and the channel. */
export interface SlackChannelData {
  slack?: { teamId?: string; enterpriseId?: string; userId?: string; channel?: string; threadTs?: string; reachable?: false };
}
const BOT: ChannelAccount = { id: 'partner-link', name: 'Partner Link' };

/** DMs are personal conversations; everything else (channels, group DMs) is shared. */
export function conversationTypeOf(channel: string, channelType?: string): 'im' | 'channel' {
  if (channelType) return channelType === 'im' || channelType === 'dm' || channelType === 'directmessage' ? 'im' : 'channel';
  return channel.startsWith('D') ? 'im' : 'channel';
}

function base(origin: SlackOrigin, id: string): Partial<Activity> {
  const install = installOf(origin);
  return {
    id,
    channelId: SLACK_CHANNEL_ID,
    serviceUrl: 'slack',
    timestamp: new Date(),
    from: { id: origin.userId, name: origin.userName ?? origin.userId },
    recipient: BOT,
    conversation: {
      id: origin.channel,
      conversationType: conversationTypeOf(origin.channel, origin.channelType),
      isGroup: conversationTypeOf(origin.channel, origin.channelType) !== 'im',
      name: origin.channel,
      // The workspace the conversation is reached through: a stored reference keeps it, so a later
      // message there is sent with that workspace's token (see slack-tokens.ts).
      tenantId: install.teamId,
      ...(install.enterpriseId ? { properties: { slackEnterpriseId: install.enterpriseId } } : {}),
    },
    channelData: {
      slack: {
        teamId: origin.teamId,
        ...(origin.enterpriseId ? { enterpriseId: origin.enterpriseId } : {}),
        userId: origin.userId,
        channel: origin.channel,
        ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
        ...(origin.channelType === 'dm' ? { reachable: false as const } : {}),
      },
    } satisfies SlackChannelData,
    ...(origin.locale ? { locale: origin.locale } : {}),
    ...(origin.timeZone ? { localTimezone: origin.timeZone } : {}),
  };
}

/**
 * Removes the leading "<@UBOT>" of an app_mention (and any other user mentions' markup). The label
 * after "|" stops at the next "<" as well as ">" (Slack escapes both inside it): with `[^>]*`, each
 * unclosed "<@U1|" scanned to the end of the text, quadratic in a long message.
 */
export function stripMentions(text: string): string {
  return text.replace(/<@[UW][A-Z0-9]+(\|[^<>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * An app_mention's text without the bot's own mention (the first one), keeping the others: "<@UBOT>
 * make <@U1> an approver" names U1 (issue 16). The dialogs drop the markup before recognition.
 */
export function stripBotMention(text: string): string {
  return text.replace(/<@[UW][A-Z0-9]+(\|[^<>]*)?>/, ' ').replace(/\s+/g, ' ').trim();
}

/** `/partner <text>`: the words after the command are what the person would have typed; none means help. */
export function commandToText(text: string | undefined): string {
  const t = (text ?? '').trim();
  return t === '' ? 'help' : t;
}

export function messageActivity(origin: SlackOrigin, text: string, id: string): Activity {
  return { ...base(origin, id), type: ActivityTypes.Message, text } as Activity;
}

/** An Action.Submit click: a message whose value is the card's data (string data becomes text). */
export function submitActivity(origin: SlackOrigin, data: Record<string, unknown>, text: string | undefined, id: string): Activity {
  return { ...base(origin, id), type: ActivityTypes.Message, ...(text !== undefined ? { text } : { value: data }) } as Activity;
}

/** An Action.Execute click, as Teams sends it: the adaptiveCard/action invoke. */
export function executeActivity(origin: SlackOrigin, verb: string | undefined, data: Record<string, unknown>, id: string, replacesTs?: string): Activity {
  return {
    ...base(origin, id),
    // The message the answer will replace (a DM's card): the turn knows not to redraw it a second time.
    ...(replacesTs ? { replyToId: replacesTs } : {}),
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', ...(verb !== undefined ? { verb } : {}), data } },
  } as Activity;
}

/**
 * Issue 19: an external_select's options request, as Teams asks a typeahead for choices: the
 * application/search invoke, with the dataset the card named and what the person typed.
 */
export function searchActivity(origin: SlackOrigin, dataset: string, text: string, id: string, top: number): Activity {
  return { ...base(origin, id), type: ActivityTypes.Invoke, name: 'application/search', value: { kind: 'search', dataset, queryText: text, queryOptions: { skip: 0, top } } } as Activity;
}

/** A proactive turn's activity, rebuilt from a stored reference. */
export function continuationActivity(reference: Partial<ConversationReference>): Activity {
  return {
    type: ActivityTypes.Event,
    name: 'ContinueConversation',
    channelId: SLACK_CHANNEL_ID,
    serviceUrl: 'slack',
    conversation: reference.conversation,
    from: reference.user,
    recipient: reference.bot ?? BOT,
    ...(reference.locale ? { locale: reference.locale } : {}),
  } as Activity;
}
