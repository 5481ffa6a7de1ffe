import type { SlackOrigin } from './slack-activity.mapper';
import { responseUrlOf } from './slack-reply.route';
import type { SlackWorkspace } from './slack-tokens';
import { actingWorkspacesOf } from './slack-workspaces';

/**
 * The installation a request came through (the body's team and enterprise) and the acting person's
 * enterprise: the Web API calls of its turn act there. Undefined when the body names no workspace.
 */
function installFrom(body: Record<string, unknown>): { install?: SlackWorkspace; enterpriseId?: string } {
  const w = actingWorkspacesOf(body);
  const team = w.installTeam ?? w.userTeam;
  return {
    ...(team ? { install: { teamId: team, ...(w.enterprise ? { enterpriseId: w.enterprise } : {}) } } : {}),
    // The enterprise is the install's; it is the person's too only when they are from the install's workspace.
    ...(w.enterprise && (w.userTeam === undefined || w.userTeam === w.installTeam) ? { enterpriseId: w.enterprise } : {}),
  };
}

/** The author of Slack's own notices in the app's DM ("… archived the channel …"): not a person. */
const SLACK_SYSTEM_USER = 'USLACK';
/** A message timestamp as Slack writes them ("1732399900.000100"); anything else is not used. */
const tsOf = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{1,12}\.\d{1,9}$/.test(v) ? v : undefined);
/** A D… channel, or what Slack calls one in commands and clicks. */
const isDm = (channel: string, name: string | undefined) => channel.startsWith('D') || name === 'directmessage';

/** The parts of Slack's request bodies the adapter reads (Slack sends more; see test/slack/fixtures). */
export interface SlackEventCallbackBody {
  type: 'event_callback';
  team_id?: string;
  event_id?: string;
  event?: { type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel?: string; channel_type?: string; ts?: string; thread_ts?: string; team?: string; user_team?: string };
}

export interface SlackBlockActionsBody {
  type: 'block_actions';
  trigger_id?: string;
  team?: { id?: string } | null;
  user?: { id?: string; team_id?: string };
  channel?: { id?: string; name?: string };
  container?: { type?: string; channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  message?: { ts?: string; thread_ts?: string; blocks?: unknown[] };
  response_url?: string;
  actions?: { action_id?: string; action_ts?: string; value?: string }[];
  state?: { values?: Record<string, unknown> };
}

export interface SlackCommandBody {
  command: string;
  text?: string;
  team_id?: string;
  user_id?: string;
  channel_id?: string;
  channel_name?: string;
  trigger_id?: string;
  response_url?: string;
}

/** Issue 19: an external_select's options request (see slack-body.schema.ts). */
export interface SlackBlockSuggestionBody {
  type: 'block_suggestion';
  action_id: string;
  block_id?: string;
  value: string;
  team?: { id?: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id?: string; name?: string };
  container?: { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
}

/** Who asks for options, and where (a DM, a channel); undefined without a workspace. */
export function suggestionOf(body: SlackBlockSuggestionBody): Omit<SlackOrigin, 'locale'> | undefined {
  const teamId = body.user.team_id ?? body.team?.id ?? undefined;
  const channel = body.channel?.id ?? body.container?.channel_id ?? 'unknown';
  if (!teamId) return undefined;
  return { teamId, userId: body.user.id, channel, ...installFrom(body as unknown as Record<string, unknown>), ...(isDm(channel, body.channel?.name) ? { channelType: 'im' } : {}) };
}

export type SlackBody = SlackEventCallbackBody | SlackBlockActionsBody | SlackCommandBody;

export type SlackInput =
  | { kind: 'message'; origin: Omit<SlackOrigin, 'locale'>; text: string; id: string }
  | { kind: 'click'; body: SlackBlockActionsBody }
  /** app_uninstalled, or tokens_revoked naming the bot: the workspace's installation is to be deleted. */
  | { kind: 'uninstalled'; workspace: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean } }
  | { kind: 'ignore'; why: string };

const isCommand = (b: Record<string, unknown>): b is SlackCommandBody & Record<string, unknown> => typeof b.command === 'string';

/** The workspace a request comes from (for the allow-list). */
export function teamOf(body: Record<string, unknown>): string | undefined {
  if (isCommand(body)) return body.team_id;
  if (body.type === 'block_actions') {
    const b = body as unknown as SlackBlockActionsBody;
    return b.team?.id ?? b.user?.team_id;
  }
  if (body.type === 'event_callback') return (body as unknown as SlackEventCallbackBody).team_id;
  return undefined;
}

/**
 * The inbox ID of a delivery: the same for Slack's retries of one event or click, different for two
 * events. Events have event_id; a click its trigger_id (or the action's action_ts); a command its trigger_id.
 */
export function inboxIdOf(body: Record<string, unknown>): string | undefined {
  if (isCommand(body)) return body.trigger_id ? `slack:command:${body.trigger_id}` : undefined;
  if (body.type === 'event_callback') {
    const id = (body as unknown as SlackEventCallbackBody).event_id;
    return id ? `slack:event:${id}` : undefined;
  }
  if (body.type === 'block_actions') {
    const b = body as unknown as SlackBlockActionsBody;
    const key = b.trigger_id ?? b.actions?.[0]?.action_ts;
    return key ? `slack:action:${teamOf(body) ?? '-'}:${b.user?.id ?? '-'}:${key}` : undefined;
  }
  return undefined;
}

/** Where a click happened and which message it was on. */
export function clickOf(body: SlackBlockActionsBody): { origin: Omit<SlackOrigin, 'locale'>; messageTs?: string; id: string } | undefined {
  const teamId = body.user?.team_id ?? body.team?.id; // the person's workspace first (see slack-workspaces.ts)
  const userId = body.user?.id;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!teamId || !userId || !channel) return undefined;
  const ephemeral = body.container?.is_ephemeral === true;
  const messageTs = ephemeral ? undefined : (body.message?.ts ?? body.container?.message_ts);
  const id = body.actions?.[0]?.action_ts ?? body.trigger_id ?? String(Date.now());
  const threadTs = tsOf(body.container?.thread_ts) ?? tsOf(body.message?.thread_ts);
  const responseUrl = responseUrlOf(body.response_url);
  // A message the bot posted (not an ephemeral one) in a DM can only be in the bot's own DM.
  const dm = isDm(channel, body.channel?.name) ? { channelType: ephemeral ? 'dm' : 'im' } : {};
  return {
    origin: { teamId, userId, channel, ...installFrom(body as unknown as Record<string, unknown>), ...dm, ...(threadTs ? { threadTs } : {}), ...(responseUrl ? { responseUrl } : {}) },
    ...(messageTs ? { messageTs } : {}),
    id,
  };
}

/**
 * app_uninstalled (the app was removed) and tokens_revoked with a bot user among its `tokens.bot` (the
 * bot token no longer works): the installation of the body's workspace, or of its Grid organization
 * for an org-wide install (`is_enterprise_install`), is deleted. A revoked user token alone changes nothing.
 */
function uninstalledOf(body: Record<string, unknown>): SlackInput | undefined {
  const e = body.event as { type?: unknown; tokens?: { bot?: unknown } } | undefined;
  if (e?.type !== 'app_uninstalled' && e?.type !== 'tokens_revoked') return undefined;
  if (e.type === 'tokens_revoked' && !(Array.isArray(e.tokens?.bot) && e.tokens.bot.length > 0)) return { kind: 'ignore', why: 'user tokens revoked' };
  const teamId = typeof body.team_id === 'string' && body.team_id ? body.team_id : undefined;
  const enterpriseId = typeof body.enterprise_id === 'string' && body.enterprise_id ? body.enterprise_id : undefined;
  const isEnterpriseInstall = body.is_enterprise_install === true;
  if (!teamId && !(isEnterpriseInstall && enterpriseId)) return { kind: 'ignore', why: `${e.type} without a workspace` };
  return { kind: 'uninstalled', workspace: { ...(teamId ? { teamId } : {}), ...(enterpriseId ? { enterpriseId } : {}), isEnterpriseInstall } };
}

/** What a request body asks the bot to do; `mentionText` strips the bot's mention from app_mention text. */
export function inputOf(body: Record<string, unknown>, mentionText: (text: string) => string, commandText: (text?: string) => string): SlackInput {
  if (isCommand(body)) {
    const { team_id: teamId, user_id: userId, channel_id: channel } = body;
    if (!teamId || !userId || !channel) return { kind: 'ignore', why: 'command without team, user or channel' };
    // A DM here may be one between two people: the turn handler tells the bot's own DM apart.
    const channelType = isDm(channel, body.channel_name) ? 'dm' : 'channel';
    const responseUrl = responseUrlOf(body.response_url);
    return { kind: 'message', origin: { teamId, userId, channel, ...installFrom(body), channelType, ...(responseUrl ? { responseUrl } : {}) }, text: commandText(body.text), id: body.trigger_id ?? String(Date.now()) };
  }
  if (body.type === 'block_actions') return { kind: 'click', body: body as unknown as SlackBlockActionsBody };
  if (body.type !== 'event_callback') return { kind: 'ignore', why: `type ${String(body.type)}` };
  const b = body as unknown as SlackEventCallbackBody;
  const e = b.event;
  const removed = uninstalledOf(body);
  if (removed) return removed;
  // The person's own workspace: in a Slack Connect channel `user_team` (see slack-workspaces.ts).
  const teamId = e?.user_team ?? e?.team ?? b.team_id;
  if (!e || !teamId || !e.user || !e.channel || !e.ts) return { kind: 'ignore', why: 'event without user, channel or ts' };
  if (e.user === SLACK_SYSTEM_USER) return { kind: 'ignore', why: 'Slack system notice' };
  // Edits, joins and bots' own messages (including ours) are not requests; a message with a file is, by its text.
  if ((e.subtype && e.subtype !== 'file_share') || e.bot_id) return { kind: 'ignore', why: `message subtype ${e.subtype ?? 'bot'}` };
  if (e.subtype === 'file_share' && !e.text?.trim()) return { kind: 'ignore', why: 'a file without text' };
  const threadTs = tsOf(e.thread_ts);
  const origin = { teamId, userId: e.user, channel: e.channel, ...installFrom(body), ...(threadTs ? { threadTs } : {}) };
  if (e.type === 'message' && e.channel_type === 'im') return { kind: 'message', origin: { ...origin, channelType: 'im' }, text: e.text ?? '', id: e.ts };
  // A mention inside the bot's DM also arrives as message.im; answer that one only.
  if (e.type === 'app_mention' && e.channel.startsWith('D')) return { kind: 'ignore', why: 'mention in a DM' };
  if (e.type === 'app_mention') return { kind: 'message', origin: { ...origin, channelType: 'channel' }, text: mentionText(e.text ?? ''), id: e.ts };
  return { kind: 'ignore', why: `event ${String(e.type)}` };
}
