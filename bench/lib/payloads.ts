/** What the platforms send the bot: Teams activities and signed Slack requests, for sample-directory people. */
import { createHmac } from 'node:crypto';

type Json = Record<string, unknown>;

export const SIGNING_SECRET = 'bench-signing-secret-0a1b2c3d4e5f';
export const BOT_TOKEN = 'xoxb-bench';

/** Sample-directory people on Teams. */
export const TEAMS = {
  mei: { id: '29:bench-mei-kobayashi', name: 'Mei Kobayashi', aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000002', tenantId: '718293a4-b5c6-47de-88f9-0a1b2c3d4e56' },
  hiroshi: { id: '29:bench-hiroshi-yamada', name: 'Hiroshi Yamada', aadObjectId: '22222222-bbbb-4bbb-8bbb-000000000001', tenantId: '8a1f6c2e-3b4d-4e5f-9a6b-7c8d9e0f1a21' },
} as const;
/** Who writes on Teams: a sample-directory person, or one of a generated directory's (the scale rows). */
export interface TeamsWho {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly tenantId: string;
}

/** Sample-directory people on Slack. */
export const SLACK = {
  ken: { teamId: 'T01SAKURA', userId: 'U01KENSATO' },
  emily: { teamId: 'T02CONTOSO', userId: 'U02EMILYC', dm: 'D02EMILYC' },
} as const;

function teamsBase(who: TeamsWho, conversationId: string, serviceUrl: string, id: string): Json {
  return {
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: who.tenantId, id: conversationId },
    recipient: { id: '28:0b5e7a11-7e57-4b07-9c1a-1a2b3c4d5e6f', name: 'Partner Link' },
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' }],
    channelData: { tenant: { id: who.tenantId } },
    locale: 'en-US',
    localTimezone: 'Asia/Tokyo',
  };
}

export function teamsMessage(who: TeamsWho, conversationId: string, text: string, serviceUrl: string, id: string): string {
  return JSON.stringify({ ...teamsBase(who, conversationId, serviceUrl, id), type: 'message', text, textFormat: 'plain' });
}

/** Action.Execute clicked on the card that activity `replyToId` posted. */
export function teamsExecute(who: TeamsWho, conversationId: string, verb: string, data: Json, replyToId: string, serviceUrl: string, id: string): string {
  return JSON.stringify({
    ...teamsBase(who, conversationId, serviceUrl, id),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', title: verb, verb, data }, trigger: 'manual' },
  });
}

export function slackHeaders(body: string, contentType: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

/** A message.im event: `user` writes to the bot in DM `channel`. */
export function slackDm(who: { teamId: string; userId: string }, channel: string, text: string, n: number, tag: string): string {
  const ts = `${1732400000 + Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}${tag.slice(0, 3).padEnd(3, '0')}`;
  return JSON.stringify({
    token: 'bench',
    team_id: who.teamId,
    api_app_id: 'A08PARTNERLK',
    event: { type: 'message', text, user: who.userId, ts, team: who.teamId, channel, event_ts: ts, channel_type: 'im' },
    type: 'event_callback',
    event_id: `Ev${tag}${n.toString(36).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: who.teamId, user_id: 'U0PLBOT', is_bot: true, is_enterprise_install: false }],
  });
}

/** A block_actions interaction: `who` clicks `button` on message `ts` in DM `channel`. */
export function slackClick(who: { teamId: string; userId: string }, channel: string, ts: string, blocks: unknown[], button: Json, n: number): string {
  const payload = {
    type: 'block_actions',
    user: { id: who.userId, username: 'bench', name: 'bench', team_id: who.teamId },
    api_app_id: 'A08PARTNERLK',
    token: 'bench',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: `1388105719492.1379717998065.${String(n).padStart(32, '0')}`,
    team: { id: who.teamId, domain: 'bench' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'directmessage' },
    message: { bot_id: 'B0PLBOT', type: 'message', text: '', user: 'U0PLBOT', ts, app_id: 'A08PARTNERLK', blocks, team: who.teamId },
    state: { values: {} },
    response_url: 'http://127.0.0.1:9/unused',
    actions: [{ action_id: button.action_id, block_id: 'act', text: button.text, value: button.value, type: 'button', action_ts: `${1732400100 + n}.123456` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The buttons of a Block Kit message (actions blocks and section accessories). */
export function buttonsOf(blocks: unknown[]): Json[] {
  const out: Json[] = [];
  for (const b of blocks as Json[]) {
    if (b.type === 'actions') out.push(...((b.elements as Json[] | undefined) ?? []).filter((e) => e.type === 'button'));
    const acc = b.accessory as Json | undefined;
    if (acc?.type === 'button') out.push(acc);
  }
  return out;
}

/** The data of the Adaptive Card action with `verb` (Action.Execute, or Action.Submit carrying the verb). */
export function actionData(card: unknown, verb: string): Json | undefined {
  const seen: unknown[] = [card];
  while (seen.length) {
    const x = seen.pop();
    if (Array.isArray(x)) seen.push(...(x as unknown[]));
    else if (x && typeof x === 'object') {
      const o = x as Json;
      if (o.type === 'Action.Execute' && o.verb === verb) return (o.data as Json | undefined) ?? {};
      if (o.type === 'Action.Submit' && (o.data as Json | undefined)?.verb === verb) {
        const { verb: _v, ...rest } = o.data as Json;
        return rest;
      }
      seen.push(...Object.values(o));
    }
  }
  return undefined;
}
