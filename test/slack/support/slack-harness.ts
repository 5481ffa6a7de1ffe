import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../adapters/open-store';
import { clickToActionData, decodeInputBlockId } from '../../../adapters/slack/block-kit';
import { SlackAckJournal } from '../../../adapters/slack/slack-ack-journal';
import { inboxIdOf } from '../../../adapters/slack/slack-payloads';
import type { SlackRuntime } from '../../../adapters/slack';
import { createBotRuntime, type BotRuntime } from '../../../bot/composition';
import { loadConfig } from '../../../bot/config';
import { createLogger, type Logger } from '../../../bot/logger';
import { createApp, listen } from '../../../bot/server';
import { mountSlack } from '../../../bot/slack.mount';
import { mountSlackOAuth } from '../../../bot/slack-oauth.mount';
import type { ConversationStatePort, ProcessedEventPort, StorePort } from '../../../domain';
import type { PartnerCenterPort, SchedulerClock } from '../../../app';
import type { Recognizer } from '../../../dialogs/recognition';
import { strings } from '../../support/bot-harness';
import { loadSampleDirectory } from '../../support/sample-directory';
import { FakeSlackApi } from './fake-slack-api';
import { commandBody, eventBody, interactionBody, sendSigned, SIGNING_SECRET, type SendOptions, type SlackHttpResponse } from './signed-request';

export const fixture = <T = Record<string, unknown>>(name: string): T => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8')) as T;

/** The sample directory's Slack people and their DM channels with the bot. */
export const PEOPLE = {
  daniel: { teamId: 'T05TREYRS', userId: 'U05DANPARK', dm: 'D05DANPARK', domain: 'treyresearch' },
  yuki: { teamId: 'T06YAMATO', userId: 'U06YUKISZ', dm: 'D06YUKISZ', domain: 'yamato-mfg' },
  taro: { teamId: 'T06YAMATO', userId: 'U06TAROITO', dm: 'D06TAROITO', domain: 'yamato-mfg' },
  olivia: { teamId: 'T07COHOWN', userId: 'U07OLIVIAB', dm: 'D07OLIVIAB', domain: 'cohowinery' },
  /** Issue 18: Sakura Cloud Solutions' requester (an indirect reseller, directory language Japanese). */
  ken: { teamId: 'T01SAKURA', userId: 'U01KENSATO', dm: 'D01KENSATO', domain: 'sakura-cloud' },
  /** Not in the sample directory: a second Trey Research admin that a test adds (issue 15, hand over). */
  grace: { teamId: 'T05TREYRS', userId: 'U05GRACEK', dm: 'D05GRACEK', domain: 'treyresearch' },
  /** Issue 17: the distributor's admin (Contoso Distribution Japan) on Slack. */
  emily: { teamId: 'T02CONTOSO', userId: 'U02EMILYC', dm: 'D02EMILYC', domain: 'contoso-dist' },
  /** Issue 17: not in the sample directory on Slack: a test gives Fuji IT Partners' admin this identity and workspace. */
  mei: { teamId: 'T09FUJIIT', userId: 'U09MEIKOB', dm: 'D09MEIKOB', domain: 'fuji-it' },
  /** Issue 17: not in the sample directory on Slack: a test gives Sakura Cloud Solutions' admin this identity (Sakura's workspace). */
  aiko: { teamId: 'T01SAKURA', userId: 'U01AIKOTAN', dm: 'D01AIKOTAN', domain: 'sakura-cloud' },
  /** Issue 18: not in the sample directory on Slack: a test gives Bayview County's admin (US Government cloud) this identity and workspace. */
  marcus: { teamId: 'T10BAYVIEW', userId: 'U10MARCUSL', dm: 'D10MARCUSL', domain: 'bayview-county' },
} as const;
export type Who = keyof typeof PEOPLE;

export interface SlackHarnessOptions {
  /** Wraps the durable inbox (a store that is down, or slow). */
  wrapEvents?: (events: ProcessedEventPort) => ProcessedEventPort;
  allowedTeamIds?: string;
  dataDir?: string;
  /** Where the process logs (default: silent). */
  logger?: Logger;
  /** MongoDB instead of the embedded store (a database of the caller's, dropped by the caller). */
  mongodbUri?: string;
  dbName?: string;
  /** Wraps the conversation state the bot reads and writes (races with another instance). */
  wrapState?: (state: ConversationStatePort) => ConversationStatePort;
  /** The distributed app: no SLACK_BOT_TOKEN; /slack/install and /slack/oauth_redirect are on and each workspace uses its installation. */
  oauth?: boolean;
  /** Issue 17: Partner Center on (the fixture client): approved requests complete there; its jobs are in `runtime.jobs`. */
  partnerCenter?: PartnerCenterPort;
  /** Issue 18: the recognizer instead of the trained model's (a classifier with a few phrases' scores pinned). */
  recognizer?: Recognizer;
  /** Issue 17: the clock the service, the notifier and the jobs read (a test sets it and runs `runtime.jobs` itself). */
  clock?: SchedulerClock;
}

/** The OAuth variables of the distributed-app harness (the client ID and secret are made up). */
export const OAUTH_ENV = { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret-for-tests', SLACK_STATE_SECRET: 'state-secret-for-tests-0123' } as const;

/**
 * The real process minus the network: embedded store in a temp DATA_DIR with the sample directory, the
 * real bot runtime, the real express app with mountSlack, and the fake Slack Web API behind
 * SLACK_API_URL. Requests are signed and sent over HTTP like Slack's.
 */
export async function createSlackHarness(o: SlackHarnessOptions = {}) {
  const api = await new FakeSlackApi().start();
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'pl-slack-'));
  const store: StorePort = await openStore({ dataDir, ...(o.mongodbUri ? { mongodbUri: o.mongodbUri } : {}), ...(o.dbName ? { dbName: o.dbName } : {}) });
  if (await store.directory.isEmpty()) await store.directory.importDirectory(loadSampleDirectory());
  const config = loadConfig({
    DATA_DIR: dataDir,
    SEED_DIRECTORY: 'none',
    LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(o.oauth ? OAUTH_ENV : { SLACK_BOT_TOKEN: 'xoxb-0000-test-token' }),
    SLACK_API_URL: api.url,
    ...(o.allowedTeamIds ? { ALLOWED_SLACK_TEAM_IDS: o.allowedTeamIds } : {}),
  });
  // DEBUG_SLACK_HARNESS=1: the bot's log lines on stderr, to see why a transcript went another way.
  const logger = o.logger ?? createLogger(process.env.DEBUG_SLACK_HARNESS ? 'debug' : 'silent');
  const runtime: BotRuntime = await createBotRuntime(o.wrapState ? { ...bare(store), conversationState: o.wrapState(store.conversationState) } : store, config, logger, { ...(o.partnerCenter ? { partnerCenter: o.partnerCenter } : {}), ...(o.recognizer ? { recognizer: o.recognizer } : {}), ...(o.clock ? { clock: o.clock } : {}) });
  const app = createApp({ store, logger });
  const events = o.wrapEvents ? o.wrapEvents(store.events) : store.events;
  const installations = o.oauth ? mountSlackOAuth(app, { config, store, logger }) : undefined;
  const slack = (await mountSlack(app, { bot: runtime.bot, notifier: runtime.notifier, config, logger, store: { events, keyValues: store.keyValues, conversationState: store.conversationState, directory: store.directory }, ...(installations ? { installations } : {}), retry: { retries: 2, minTimeoutMs: 0, maxTimeoutMs: 0 } })) as SlackRuntime;
  const server: Server = await listen(app, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  let seq = 0;
  // A delivery acknowledged before the store recorded it (the store was slower than SLACK_ACK_BUDGET_MS, as
  // MongoDB on a busy machine can be) waits in this journal, not yet in the inbox: settled() waits for both.
  const journal = config.slackAckJournalDir ? new SlackAckJournal(config.slackAckJournalDir) : undefined;

  const h = {
    api,
    store,
    runtime,
    slack,
    url,
    /** The server's address (for /slack/install and /slack/oauth_redirect). */
    base: url.replace(/\/slack\/events$/, ''),
    dataDir,
    send: (b: { body: string; type: string }, opts?: SendOptions): Promise<SlackHttpResponse> => sendSigned(url, b.body, b.type, opts),

    /**
     * Waits until this delivery (its signed body) has been processed, then for everything else. A record
     * FerretDB acknowledged is not always visible to the very next query on another connection, so
     * settled() alone could return before the delivery's turn ran; a delivery refused at the edge is never
     * recorded, and is not waited for once it has stayed unseen for half a second.
     */
    async settledAfter(b: { body: string; type: string }): Promise<void> {
      const form = new URLSearchParams(b.body);
      const payload = form.get('payload');
      const parsed = (b.type.includes('json') ? JSON.parse(b.body) : payload !== null ? JSON.parse(payload) : Object.fromEntries(form)) as Record<string, unknown>;
      const id = inboxIdOf(parsed);
      const started = Date.now();
      for (let i = 0; id && i < 400; i++) {
        const event = await store.events.get(id);
        if (event ? event.status !== 'pending' : Date.now() - started > 500) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await h.settled();
    },

    /** Waits until every Slack delivery recorded so far has been processed. */
    async settled(): Promise<void> {
      for (let i = 0; i < 400; i++) {
        // The journal first: a delivery leaves it only once the inbox has it, so read in this order one of
        // the two always shows a delivery in flight (the other order missed one moving between them).
        const journaled = journal ? (await journal.list()).length : 0;
        const pending = await store.events.listDue('slack', new Date(Date.now() + 1000));
        if (pending.length === 0 && journaled === 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('Slack deliveries still pending');
    },

    /** A message.im event: `who` writes to the bot in its DM. */
    dmBody(who: Who, text: string) {
      const p = PEOPLE[who];
      const n = ++seq;
      const ts = `1732399${String(n).padStart(3, '0')}.000100`;
      const f = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-message-im');
      return eventBody({ ...f, team_id: p.teamId, event_id: `Ev08TEST${String(n).padStart(4, '0')}`, event: { ...f.event, text, user: p.userId, team: p.teamId, channel: p.dm, ts, event_ts: ts } });
    },
    async dm(who: Who, text: string, opts?: SendOptions) {
      const body = h.dmBody(who, text);
      const res = await h.send(body, opts);
      await h.settledAfter(body);
      return res;
    },

    /** An app_mention in a channel. */
    async mention(who: Who, channel: string, text: string) {
      const p = PEOPLE[who];
      const n = ++seq;
      const f = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-app-mention');
      const ts = `1732398${String(n).padStart(3, '0')}.000200`;
      const res = await h.send(eventBody({ ...f, team_id: p.teamId, event_id: `Ev08MENT${String(n).padStart(4, '0')}`, event: { ...f.event, text: `<@U0PLBOT> ${text}`, user: p.userId, team: p.teamId, channel, ts, event_ts: ts } }));
      await h.settled();
      return res;
    },

    commandBody(who: Who, channel: string, text: string) {
      const p = PEOPLE[who];
      const f = fixture<Record<string, string>>('slash-command');
      return commandBody({ ...f, team_id: p.teamId, team_domain: p.domain, user_id: p.userId, channel_id: channel, channel_name: channel.startsWith('D') ? 'directmessage' : 'partner-approvals', text, trigger_id: `13345224609.738474920.${String(++seq).padStart(6, '0')}` });
    },
    async command(who: Who, channel: string, text: string) {
      const body = h.commandBody(who, channel, text);
      const res = await h.send(body);
      await h.settledAfter(body);
      return res;
    },

    /** The block_actions payload of `who` clicking a button (found by verb; '*' = the first one; '#showCard' = the first ShowCard; '#showCard=Title' = that one) on a posted message, with inputs set. */
    clickPayload(who: Who, posted: PostedMessage, verb: string, inputs: Record<string, string> = {}) {
      return buildClick(who, posted, verb, inputs, ++seq);
    },
    async click(who: Who, posted: PostedMessage, verb: string, inputs: Record<string, string> = {}) {
      const body = interactionBody(h.clickPayload(who, posted, verb, inputs));
      const res = await h.send(body);
      await h.settledAfter(body);
      return res;
    },

    /**
     * Issue 19: `who` types into the external_select of input `inputId` on a posted message: Slack's
     * block_suggestion request; returns the HTTP answer and the options it held.
     */
    async suggest(who: Who, posted: PostedMessage, inputId: string, text: string) {
      const p = PEOPLE[who];
      const block = (posted.blocks as Rec[]).find((b) => b.type === 'input' && typeof b.block_id === 'string' && decodeInputBlockId(b.block_id)?.id === inputId);
      const el = block?.element as Rec | undefined;
      if (!block || el?.type !== 'external_select') throw new Error(`no external_select for ${inputId} on message ${posted.ts}`);
      const payload = {
        type: 'block_suggestion',
        user: { id: p.userId, username: who, name: who, team_id: p.teamId },
        container: { type: 'message', message_ts: posted.ts, channel_id: posted.channel, is_ephemeral: false },
        api_app_id: 'A0PLTEST',
        token: 'legacy-verification-token',
        action_id: el.action_id,
        block_id: block.block_id,
        value: text,
        team: { id: p.teamId, domain: p.domain },
        channel: { id: posted.channel, name: posted.channel.startsWith('D') ? 'directmessage' : 'partner-approvals' },
        message: { ts: posted.ts, text: posted.text, blocks: posted.blocks },
      };
      const res = await h.send(interactionBody(payload));
      const options = (res.status === 200 && res.body ? ((JSON.parse(res.body) as { options?: { text: { text: string }; value: string }[] }).options ?? []) : []);
      return { status: res.status, options };
    },

    /** The messages the bot posted to a channel (chat.postMessage), oldest first. */
    posted(channel: string): PostedMessage[] {
      const out: PostedMessage[] = [];
      for (const c of api.calls) {
        if (c.method !== 'chat.postMessage' || c.args.channel !== channel || c.result?.ok !== true) continue;
        out.push({ channel, ts: String(c.result.ts), text: String(c.args.text ?? ''), blocks: (c.args.blocks as unknown[] | undefined) ?? [] });
      }
      return out;
    },

    /**
     * The bot's messages in a channel as the person sees them now: what was posted, with every later
     * chat.update applied (a click answered with a card replaces the clicked message), oldest first.
     */
    shown(channel: string): PostedMessage[] {
      const byTs = new Map<string, PostedMessage>();
      for (const c of api.calls) {
        if (c.args.channel !== channel || c.result?.ok !== true) continue;
        const blocks = (c.args.blocks as unknown[] | undefined) ?? [];
        if (c.method === 'chat.postMessage') byTs.set(String(c.result.ts), { channel, ts: String(c.result.ts), text: String(c.args.text ?? ''), blocks });
        else if (c.method === 'chat.update' && byTs.has(String(c.args.ts))) byTs.set(String(c.args.ts), { channel, ts: String(c.args.ts), text: String(c.args.text ?? ''), blocks });
      }
      return [...byTs.values()];
    },

    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await slack.stop();
      await store.close();
      await api.stop();
    },
    async destroy() {
      await h.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
export type SlackHarness = Awaited<ReturnType<typeof createSlackHarness>>;

/** The store's ports as a plain object (one of them can then be replaced). */
function bare(store: StorePort): StorePort {
  return {
    kind: store.kind,
    location: store.location,
    directory: store.directory,
    requests: store.requests,
    conversationState: store.conversationState,
    references: store.references,
    events: store.events,
    keyValues: store.keyValues,
    slackInstallations: store.slackInstallations,
    organizationIndex: store.organizationIndex,
    ping: () => store.ping(),
    isUnavailable: (err) => store.isUnavailable(err),
    close: () => store.close(),
  };
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

/** A posted message's text and every string in its blocks, for assertions. */
export const textOf = (m: PostedMessage): string => `${m.text} ${strings(m.blocks)}`;

/** The last of these messages; throws when nothing was posted. */
export const last = (list: PostedMessage[]): PostedMessage => {
  const m = list.at(-1);
  if (!m) throw new Error('nothing was posted');
  return m;
};


type Rec = Record<string, unknown>;

function buttonsOf(blocks: unknown[]): Rec[] {
  const out: Rec[] = [];
  for (const b of blocks as Rec[]) {
    if (b.type === 'actions') out.push(...((b.elements as Rec[]) ?? []).filter((e) => e.type === 'button'));
    const acc = b.accessory as Rec | undefined;
    if (acc?.type === 'button') out.push(acc);
  }
  return out;
}

function stateFor(blocks: unknown[], inputs: Record<string, string>): Rec {
  const values: Rec = {};
  for (const b of blocks as Rec[]) {
    if (b.type !== 'input' || typeof b.block_id !== 'string') continue;
    const id = decodeInputBlockId(b.block_id)?.id;
    if (!id || !(id in inputs)) continue;
    const want = inputs[id]!;
    const el = b.element as Rec;
    const actionId = String(el.action_id);
    if (el.type === 'external_select') {
      // Issue 19: the options came from the app (h.suggest); the test names the value picked.
      values[b.block_id] = { [actionId]: { type: el.type, selected_option: { text: { type: 'plain_text', text: want }, value: want } } };
    } else if (el.type === 'static_select' || el.type === 'radio_buttons') {
      const option = ((el.options as Rec[]) ?? []).find((op) => op.value === want || String((op.text as Rec).text).includes(want));
      if (!option) throw new Error(`no option "${want}" for ${id}`);
      values[b.block_id] = { [actionId]: { type: el.type, selected_option: option } };
    } else {
      values[b.block_id] = { [actionId]: { type: el.type, value: want } };
    }
  }
  return values;
}

function buildClick(who: Who, posted: PostedMessage, verb: string, inputs: Record<string, string>, n: number): Rec {
  const p = PEOPLE[who];
  const base = fixture('block-actions-dm') as Rec & { actions: Rec[]; message: Rec };
  const actionTs = `1732400${String(n).padStart(3, '0')}.123456`;
  const state = { values: stateFor(posted.blocks, inputs) };
  const shared = !posted.channel.startsWith('D');
  // Issue 18: a multi-channel form's "not in the list" button also submits the form; a plain 'submit_form'
  // means the form's own button, so that one is taken only when there is no other ('submit_form#describe'
  // asks for it).
  let describeButton: Rec | undefined;
  for (const button of buttonsOf(posted.blocks)) {
    const action = { ...base.actions[0], action_id: button.action_id, block_id: 'act', value: button.value, text: button.text, action_ts: actionTs };
    const payload: Rec = {
      ...base,
      user: { ...(base.user as Rec), id: p.userId, team_id: p.teamId },
      team: { id: p.teamId, domain: p.domain },
      container: { type: 'message', message_ts: posted.ts, channel_id: posted.channel, is_ephemeral: false },
      channel: { id: posted.channel, name: shared ? 'partner-approvals' : 'directmessage' },
      trigger_id: `1388105719492.1379717998065.${String(n).padStart(32, '0')}`,
      message: { ...base.message, ts: posted.ts, text: posted.text, blocks: posted.blocks, team: p.teamId },
      state,
      actions: [action],
    };
    // Which button is it? Ask the mapper without the inputs (a required input left empty is still this button).
    const probe = { ...payload, state: { values: {} }, message: { blocks: (posted.blocks as Rec[]).filter((b) => b.type !== 'input') } };
    const click = clickToActionData(probe);
    if (!click.ok) continue;
    const v = click.kind === 'execute' ? click.verb : click.kind === 'submit' ? (click.data.verb as string | undefined) : undefined;
    // 'choose_intent:add_partner': the button with that verb whose data names that intent (issue 18).
    const [wanted, intent] = verb.includes(':') ? verb.split(':') : [verb, undefined];
    if (intent !== undefined && click.kind !== 'openUrl' && click.kind !== 'showCard' && v === wanted && click.data.intent === intent) return payload;
    const describes = 'data' in click && (click.data as Rec).describe === 'yes';
    // 'submit_form#describe': that button itself.
    if (verb === 'submit_form#describe' && v === 'submit_form' && describes) return payload;
    if (v === verb && verb === 'submit_form' && describes) {
      describeButton ??= payload;
      continue;
    }
    if (v === verb || (verb === '*' && click.kind !== 'openUrl' && click.kind !== 'showCard') || (verb === '#showCard' && click.kind === 'showCard')) return payload;
    // '#showCard=Title': the ShowCard button with that title (a card with more than one).
    if (verb.startsWith('#showCard=') && click.kind === 'showCard' && (button.text as Rec | undefined)?.text === verb.slice('#showCard='.length)) return payload;
  }
  if (describeButton) return describeButton;
  throw new Error(`no "${verb}" button on message ${posted.ts} in ${posted.channel} (it says: ${JSON.stringify(posted.text ?? '').slice(0, 300)})`);
}
