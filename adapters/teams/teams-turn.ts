import type { Activity } from 'botbuilder';
import type { ChatTurn, ConversationKind, MentionedPerson } from '../../app/ports';
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

/** An Entra object ID inside a mention's account ID ("8:orgid:<guid>" or the bare GUID). */
const ORGID = /^(?:8:orgid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** The most mentions of one message considered (a chat message names a few people at most). */
const MAX_MENTIONS = 10;

const bounded = (x: unknown, max: number): string | undefined => (typeof x === 'string' && x.trim() && x.length <= max ? x.trim() : undefined);

/**
 * The people @mentioned in a Teams message, from its `mention` entities (never the bot itself): the
 * account's user ID, and its Entra object ID when the client sends one (as `aadObjectId`, or inside an
 * "8:orgid:" ID). Every field is checked here; anything else in the entity is ignored.
 */
export function teamsMentions(activity: Partial<Activity>): MentionedPerson[] {
  const botId = activity.recipient?.id;
  const out: MentionedPerson[] = [];
  for (const e of activity.entities ?? []) {
    if (out.length >= MAX_MENTIONS) break;
    if (!e || e.type !== 'mention') continue;
    const m = (e as { mentioned?: unknown }).mentioned as { id?: unknown; name?: unknown; aadObjectId?: unknown } | undefined;
    const id = bounded(m?.id, 200);
    if (!m || !id || id === botId) continue;
    const aad = bounded(m.aadObjectId, 36) ?? ORGID.exec(id)?.[1];
    const name = bounded(m.name, 200);
    out.push({ platform: 'teams', userId: id, ...(aad && GUID.test(aad) ? { aadObjectId: aad.toLowerCase() } : {}), ...(name ? { name } : {}) });
  }
  return out;
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
  const mentions = activity.type === 'message' ? teamsMentions(activity) : [];
  return {
    platform: 'teams',
    ...(identity ? { identity } : {}),
    conversationKind: kindOf(activity.conversation?.conversationType),
    ...(locale ? { locale } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(tenant && GUID.test(tenant) ? { home: { platform: 'teams' as const, tenantId: tenant } } : {}),
    ...(name ? { displayName: name } : {}),
    ...(mentions.length ? { mentions } : {}),
  };
}
