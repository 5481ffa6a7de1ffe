/**
 * The benchmark's server process (never the load): one of
 *   BENCH_MODE=product     the real Partner Link app built in-process (the composition root + server + the Teams and
 *                          Slack mounts), exactly as bot/main.ts builds it, plus /bench/* debug routes and an
 *                          optional slow store (BENCH_SLOW_WRITE_MS delays every store write);
 *   BENCH_MODE=teams-echo  the floor for Teams: express + botbuilder CloudAdapter (anonymous), echo text;
 *   BENCH_MODE=teams-dialogs  the same plus botbuilder-dialogs and ConversationState (MemoryStorage): a
 *                          one-step waterfall sending the product's form card (BENCH_CARD_FILE);
 *   BENCH_MODE=slack-echo  the floor for Slack: express + Bolt ExpressReceiver, echo via chat.postMessage;
 *   BENCH_MODE=slack-dialogs  Bolt plus botbuilder-dialogs (a TurnContext on a minimal adapter) sending the
 *                          product's Block Kit form (BENCH_BLOCKS_FILE).
 * Listens on PORT (0 = any) at 127.0.0.1 and prints one line `BENCH_READY <port>` on stdout.
 */
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import express, { type Express } from 'express';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';

type Json = Record<string, unknown>;

function listenOn(app: Express): Promise<Server> {
  const port = Number(process.env.PORT ?? 0);
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.keepAliveTimeout = 65_000;
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function memory(): Json {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

/** Counts what reached the durable inbox and what was completed (for "lost interactions"). */
interface InboxCounters {
  /** Every store call, by port.method (reads and writes). */
  calls: Record<string, number>;
  claims: Record<string, number>;
  completes: number;
  writes: number;
}

const WRITE = /^(add|import|save|write|delete|create|transition|append|claim|complete|record|put|remove|upsert|set|prune)/;

/** A store port whose writes are each delayed by `delayMs` (reads untouched); counts inbox claims. */
function slowPort<T extends object>(port: T, delayMs: number, counters: InboxCounters, name: string): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const fn = value as (...args: unknown[]) => unknown;
      const key = `${name}.${prop}`;
      if (!WRITE.test(prop)) {
        return (...args: unknown[]) => {
          counters.calls[key] = (counters.calls[key] ?? 0) + 1;
          return fn.apply(target, args);
        };
      }
      return async (...args: unknown[]) => {
        counters.writes++;
        counters.calls[key] = (counters.calls[key] ?? 0) + 1;
        if (name === 'events' && prop === 'claim') {
          const source = String((args[0] as { source?: unknown } | undefined)?.source ?? '?');
          counters.claims[source] = (counters.claims[source] ?? 0) + 1;
        }
        if (name === 'events' && prop === 'complete') counters.completes++;
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        return fn.apply(target, args);
      };
    },
  });
}

async function product(): Promise<void> {
  // Loaded lazily so that the echo servers never load the product.
  const { loadConfig } = await import('../bot/config');
  const { createLogger } = await import('../bot/logger');
  const { createBotRuntime } = await import('../bot/composition');
  const { openConfiguredStore, seedIfEmpty } = await import('../bot/runtime');
  const { createApp } = await import('../bot/server');
  const { mountTeams } = await import('../bot/teams.mount');
  const { mountSlack } = await import('../bot/slack.mount');

  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const raw = await openConfiguredStore(config);
  await seedIfEmpty(raw, config, logger);
  const delay = Number(process.env.BENCH_SLOW_WRITE_MS ?? 0);
  const counters: InboxCounters = { calls: {}, claims: {}, completes: 0, writes: 0 };
  // Every port is wrapped (with delay 0 it only counts), so the counting costs the same in every row.
  // The store as the product gets it: the same object, with each port wrapped (any other member, such
  // as ping/close/isUnavailable, passes through untouched, so this keeps up with the StorePort interface).
  const PORTS = ['directory', 'requests', 'conversationState', 'references', 'events', 'keyValues'] as const;
  const wrapped = new Map<string, object>(PORTS.map((name) => [name, slowPort(raw[name], delay, counters, name)]));
  const store = new Proxy(raw, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && wrapped.has(prop)) return wrapped.get(prop);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const runtime = await createBotRuntime(store, config, logger);
  const app = createApp({ store, logger });
  mountTeams(app, { bot: runtime.bot, notifier: runtime.notifier, config, logger, store }, { startPlayground: false });
  await mountSlack(app, { bot: runtime.bot, notifier: runtime.notifier, config, logger, store });

  app.get('/bench/stats', (_req, res) => {
    res.json({ memory: memory(), inbox: counters, store: raw.kind });
  });
  // Files `count` link requests from synthetic resellers to Contoso Distribution Japan (whose admins are
  // Hiroshi Yamada on Teams and Emily Clark on Slack) through the domain service, and sends the
  // approval cards through the notifier, as the request dialog does after "Confirm".
  let batch = 0;
  app.post('/bench/file', express.json(), async (req, res) => {
    try {
      const count = Math.min(Math.max(Number((req.body as Json).count ?? 1), 1), 2000);
      const b = ++batch;
      const run = Date.now().toString(36).slice(-5);
      const orgs: Json[] = [];
      const people: Json[] = [];
      for (let i = 0; i < count; i++) {
        const id = `bench-reseller-${run}-${b}-${i}`;
        orgs.push({
          id,
          kind: 'indirect_reseller',
          name: `Bench Reseller ${run} ${b} ${i}`,
          partnerId: String(9_000_000 + b * 10_000 + i),
          tenantId: `00000000-0000-4000-8000-${(b * 100_000 + i).toString(16).padStart(12, '0')}`,
          country: 'JP',
          cloud: 'public',
          workloads: ['microsoft365'],
        });
        people.push({ id: `bench-requester-${run}-${b}-${i}`, orgId: id, name: `Bench Requester ${i}`, roles: ['requester'], locale: 'en', identities: [] });
      }
      const { parseDirectory } = await import('../domain');
      const parsed = parseDirectory({ organizations: orgs, people, links: [], relationships: [], subscriptions: [] });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
      await store.directory.importDirectory(parsed.data);
      const filed: Json[] = [];
      for (const p of parsed.data.people) {
        const outcome = await runtime.service.submit({ kind: 'link_distributor', resellerId: p.orgId, providerId: 'contoso-distribution-jp' }, p, { platform: 'teams' });
        if (outcome.kind !== 'submitted') throw new Error(`not filed: ${JSON.stringify(outcome).slice(0, 300)}`);
        await runtime.notifier.approvalRequested(outcome.request);
        filed.push({ requestId: outcome.request.id, version: outcome.request.version });
      }
      res.json({ filed });
    } catch (err) {
      res.status(500).json({ error: (err as Error).message });
    }
  });
  app.get('/bench/request/:id', async (req, res) => {
    const r = await store.requests.get(req.params.id);
    res.json(r ? { status: r.status, version: r.version } : {});
  });
  const server = await listenOn(app);
  ready(server);
}

async function teamsEcho(): Promise<void> {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import('botbuilder');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_context, err) => {
    process.stderr.write(`echo turn failed: ${(err as Error).message}\n`);
  };
  const app = express();
  app.disable('x-powered-by');
  app.get('/readyz', (_req, res) => res.json({ status: 'ready' }));
  app.get('/bench/stats', (_req, res) => res.json({ memory: memory() }));
  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
  ready(await listenOn(app));
}

/**
 * The botbuilder-dialogs floor's bot, the same on both platforms: ActivityHandler + ConversationState on
 * MemoryStorage + a one-step waterfall that sends `reply` (the product's own form), saved after each turn.
 */
async function dialogsFloorBot(reply: Partial<Activity>): Promise<{ run(context: TurnContext): Promise<void> }> {
  const { ActivityHandler, ConversationState, MemoryStorage } = await import('botbuilder');
  const { DialogSet, WaterfallDialog, DialogTurnStatus } = await import('botbuilder-dialogs');
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState'));
  dialogs.add(
    new WaterfallDialog('form', [
      async (step) => {
        await step.context.sendActivity({ ...reply });
        return step.endDialog();
      },
    ]),
  );
  class Bot extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        const dc = await dialogs.createContext(context);
        const r = await dc.continueDialog();
        if (r.status === DialogTurnStatus.empty) await dc.beginDialog('form');
        await next();
      });
    }
    override async run(context: TurnContext): Promise<void> {
      await super.run(context);
      await state.saveChanges(context);
    }
  }
  return new Bot();
}

/**
 * What botbuilder-dialogs itself costs: CloudAdapter + ActivityHandler + ConversationState on
 * MemoryStorage + a one-step waterfall that sends the product's own form card (BENCH_CARD_FILE), so
 * no recognition, no domain, no directory and no durable store.
 */
async function teamsDialogs(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import('botbuilder');
  const reply = JSON.parse(readFileSync(process.env.BENCH_CARD_FILE ?? '', 'utf8')) as Json;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_context, err) => {
    process.stderr.write(`dialogs turn failed: ${(err as Error).message}\n`);
  };
  const bot = await dialogsFloorBot({ ...reply });
  const app = express();
  app.disable('x-powered-by');
  app.get('/readyz', (_req, res) => res.json({ status: 'ready' }));
  app.get('/bench/stats', (_req, res) => res.json({ memory: memory() }));
  app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  ready(await listenOn(app));
}

/**
 * botbuilder-dialogs alone on Slack: Bolt's ExpressReceiver (signature checked) hands each message to a
 * botbuilder TurnContext on a minimal BotAdapter whose replies are chat.postMessage calls, and the same
 * ActivityHandler + ConversationState (MemoryStorage) + one-step waterfall as on Teams sends the Block Kit
 * form the product answered with (BENCH_BLOCKS_FILE). No recognition, directory, inbox or durable store.
 */
async function slackDialogs(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { App, ExpressReceiver, LogLevel } = await import('@slack/bolt');
  const { BotAdapter, TurnContext: Context } = await import('botbuilder');
  const blocks = JSON.parse(readFileSync(process.env.BENCH_BLOCKS_FILE ?? '', 'utf8')) as unknown[];
  const app = express();
  app.disable('x-powered-by');
  app.get('/readyz', (_req, res) => res.json({ status: 'ready' }));
  app.get('/bench/stats', (_req, res) => res.json({ memory: memory() }));
  const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', app, endpoints: '/slack/events', processBeforeResponse: false });
  const apiUrl = process.env.SLACK_API_URL ?? '';
  const bolt = new App({ token: process.env.SLACK_BOT_TOKEN ?? '', receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } });
  class BoltAdapter extends BotAdapter {
    async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
      const out: ResourceResponse[] = [];
      for (const a of activities) {
        const r = await bolt.client.chat.postMessage({ channel: context.activity.conversation.id, text: a.text ?? 'form', blocks: ((a.channelData as { blocks?: unknown[] } | undefined)?.blocks ?? []) as never });
        out.push({ id: String(r.ts ?? '') });
      }
      return out;
    }
    async updateActivity(): Promise<void> {}
    async deleteActivity(): Promise<void> {}
    async continueConversation(): Promise<void> {}
    async turn(activity: Partial<Activity>, logic: (c: TurnContext) => Promise<void>): Promise<void> {
      await this.runMiddleware(new Context(this, activity), logic);
    }
  }
  const adapter = new BoltAdapter();
  const bot = await dialogsFloorBot({ type: 'message', text: 'form', channelData: { blocks } });
  bolt.message(async ({ message }) => {
    const m = message as { text?: string; user?: string; channel: string; ts: string; team?: string };
    await adapter.turn(
      { type: 'message', id: m.ts, channelId: 'slack', text: m.text ?? '', from: { id: m.user ?? '', name: '' }, recipient: { id: 'bot', name: 'bot' }, conversation: { id: m.channel, name: '', isGroup: false, conversationType: 'personal' }, serviceUrl: '' },
      (c) => bot.run(c),
    );
  });
  ready(await listenOn(app));
}

async function slackEcho(): Promise<void> {
  const { App, ExpressReceiver, LogLevel } = await import('@slack/bolt');
  const app = express();
  app.disable('x-powered-by');
  app.get('/readyz', (_req, res) => res.json({ status: 'ready' }));
  app.get('/bench/stats', (_req, res) => res.json({ memory: memory() }));
  const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', app, endpoints: '/slack/events', processBeforeResponse: false });
  const apiUrl = process.env.SLACK_API_URL ?? '';
  const bolt = new App({
    token: process.env.SLACK_BOT_TOKEN ?? '',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` },
  });
  bolt.message(async ({ message, say }) => {
    const text = (message as { text?: string }).text ?? '';
    await say(`echo: ${text}`);
  });
  ready(await listenOn(app));
}

function ready(server: Server): void {
  const port = (server.address() as AddressInfo).port;
  process.stdout.write(`BENCH_READY ${port}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const mode = process.env.BENCH_MODE ?? 'product';
const starters: Record<string, () => Promise<void>> = { product, 'teams-echo': teamsEcho, 'teams-dialogs': teamsDialogs, 'slack-echo': slackEcho, 'slack-dialogs': slackDialogs };
const start = starters[mode];
if (!start) {
  process.stderr.write(`unknown BENCH_MODE ${mode}\n`);
  process.exit(2);
}
start().catch((e: unknown) => {
  process.stderr.write(`bench server (${mode}) could not start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
