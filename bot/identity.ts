import type { Activity } from 'botbuilder';
import type { AuditPlatform, Locale, PlatformIdentity } from '../domain';

/** Which platform an activity came from, for the audit trail (the test and emulator channels act as Teams). */
export function platformOf(activity: Partial<Activity>): AuditPlatform {
  return activity.channelId === 'slack' ? 'slack' : 'teams';
}

export interface SlackChannelData {
  slack?: { teamId?: string; userId?: string };
}

/**
 * Who is speaking, as the directory indexes people: Teams gives the Entra object ID; the Slack
 * adapter puts the workspace and user IDs in channelData.slack.
 */
export function identityOf(activity: Partial<Activity>): PlatformIdentity | undefined {
  if (activity.channelId === 'slack') {
    const s = (activity.channelData as SlackChannelData | undefined)?.slack;
    return s?.teamId && s.userId ? { platform: 'slack', teamId: s.teamId, userId: s.userId } : undefined;
  }
  const aad = activity.from?.aadObjectId;
  return aad && /^[0-9a-f-]{36}$/i.test(aad) ? ({ platform: 'teams', aadObjectId: aad.toLowerCase() } as PlatformIdentity) : undefined;
}

/** The Entra tenant of a Teams activity, when it says. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannel = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return (activity.conversation?.tenantId ?? fromChannel)?.toLowerCase();
}

/** The language the channel reports for the user ('ja-JP' -> 'ja'), if it is one we speak. */
export function channelLocale(activity: Partial<Activity>): Locale | undefined {
  const l = activity.locale?.toLowerCase();
  if (!l) return undefined;
  if (l.startsWith('ja')) return 'ja';
  if (l.startsWith('en')) return 'en';
  return undefined;
}
