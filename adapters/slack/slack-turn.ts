import type { Activity } from 'botbuilder';
import type { ChatTurn, MentionedPerson } from '../../app/ports';
import { knownTimeZone, localeFromTag } from '../../domain';
import { SLACK_CHANNEL_ID, type SlackChannelData } from './slack-activity.mapper';

/** A user mention in Slack's message markup: `<@U0123ABCD>` or `<@U0123ABCD|label>`. */
const MENTION = /<@([UW][A-Z0-9]{2,20})(?:\|([^<>]{0,200}))?>/g;

/** The people @mentioned in a Slack message's text (in order, each once, at most 10). */
export function slackMentions(text: string | undefined): MentionedPerson[] {
  const out: MentionedPerson[] = [];
  for (const m of (text ?? '').slice(0, 4000).matchAll(MENTION)) {
    if (out.length >= 10) break;
    if (out.some((x) => x.userId === m[1])) continue;
    const label = m[2]?.trim();
    out.push({ platform: 'slack', userId: m[1]!, ...(label ? { name: label } : {}) });
  }
  return out;
}

/**
 * A Slack activity (made by this adapter's mapper) as the product's neutral turn: the person is the
 * workspace and user IDs in channelData.slack; a DM ('im') is a personal conversation, anything else
 * (a channel, a group DM) is shared.
 */
export function describeSlackTurn(activity: Partial<Activity>): ChatTurn {
  const s = (activity.channelData as SlackChannelData | undefined)?.slack;
  const type = activity.conversation?.conversationType;
  const locale = localeFromTag(activity.locale);
  const name = typeof activity.from?.name === 'string' ? activity.from.name.trim().slice(0, 200) : '';
  const mentions = activity.type === 'message' ? slackMentions(activity.text) : [];
  return {
    platform: 'slack',
    ...(s?.teamId && s.userId ? { identity: { platform: 'slack', teamId: s.teamId, userId: s.userId } } : {}),
    conversationKind: type === undefined || type === 'im' ? 'personal' : 'channel',
    ...(s?.reachable === false ? { reachable: false } : {}),
    ...(locale ? { locale } : {}),
    // Issue 18: the person's Slack time zone (users.info tz), carried as localTimezone by the mapper.
    ...(knownTimeZone(activity.localTimezone) ? { timeZone: activity.localTimezone } : {}),
    // The identity's workspace is the person's own (the user's team first, see slack-payloads.ts).
    // Its Enterprise Grid organization too, when the request says so (an org may name only the E… ID).
    ...(s?.teamId ? { home: { platform: 'slack' as const, teamId: s.teamId, ...(s.enterpriseId ? { enterpriseId: s.enterpriseId } : {}) } } : {}),
    ...(name && name !== s?.userId ? { displayName: name } : {}),
    ...(mentions.length ? { mentions } : {}),
  };
}

export const isSlackActivity = (activity: Partial<Activity>) => activity.channelId === SLACK_CHANNEL_ID;
