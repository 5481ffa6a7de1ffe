import type { Activity } from 'botbuilder';
import type { ChatTurn, ConversationKind } from '../../app/ports';
import { knownTimeZone, localeFromTag, type PlatformIdentity } from '../../domain';
import { activityTenantOf } from './tenant-gate';

/** An Entra object ID as Teams sends it (the directory schema checks it fully). */
const GUID = /^[0-9a-f-]{36}$/i;

/** Teams' conversation types; the test and emulator channels leave the type out (a personal chat). */
function kindOf(type: string | undefined): ConversationKind {
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'group';
  return 'personal';
}

/**
 * A Bot Framework activity from Teams (or Agents Playground and the emulator, which act as Teams) as
 * the product's neutral turn: the person is their Entra object ID, the language and time zone are the
 * client's.
 */
export function describeTeamsTurn(activity: Partial<Activity>): ChatTurn {
  const aad = activity.from?.aadObjectId;
  const identity: PlatformIdentity | undefined = aad && GUID.test(aad) ? ({ platform: 'teams', aadObjectId: aad.toLowerCase() } as PlatformIdentity) : undefined;
  const locale = localeFromTag(activity.locale);
  // Teams reports the client's zone in the clientInfo entity (and Bot Framework in localTimezone); either is checked.
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
  const timeZone = [clientInfo?.timezone, activity.localTimezone].find(knownTimeZone);
  const tenant = activityTenantOf(activity);
  const name = typeof activity.from?.name === 'string' ? activity.from.name.trim().slice(0, 200) : '';
  return {
    platform: 'teams',
    ...(identity ? { identity } : {}),
    conversationKind: kindOf(activity.conversation?.conversationType),
    ...(locale ? { locale } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(tenant && GUID.test(tenant) ? { home: { platform: 'teams' as const, tenantId: tenant } } : {}),
    ...(name ? { displayName: name } : {}),
  };
}
