/**
 * What every bench phase shares: the phase sizes, the run's tag and log, the sinks, the servers
 * started (stopped at the end or at the time limit), and one turn on each platform.
 */
import { join } from 'node:path';
import { fixedRate, post, saturate } from './load';
import { BOT_TOKEN, SIGNING_SECRET, SLACK, slackDm, slackHeaders, TEAMS, teamsMessage } from './payloads';
import { cpuMsOf, ROOT, shippedNodeArgs, startNode, tempDir, type Child } from './procs';
import type { Sinks } from './sinks';
import type { Pair } from './report';

/** `BENCH_QUICK=1`, or `npm run bench -- --quick`: short phases, for development (not comparable). */
export const QUICK = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
export const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
export const wanted = (phase: string) => ONLY.size === 0 || ONLY.has(phase);
export const DIST = join(__dirname, '..', '..');
export const MAIN = join(DIST, 'bot', 'main.js');
export const SERVER = join(DIST, 'bench', 'server.js');
export const OUT = join(ROOT, 'bench', 'results');

/** Phase sizes: every loop is bounded by count and time. */
export const P = QUICK
  ? { warm: 10, satMs: 1500, satMax: 300, conc: 8, rate: 100, rateMs: 1500, conversations: 600, convMs: 20_000, approvals: 20, clickRate: 10, ackRate: 200, ackMs: 1000 }
  : { warm: 60, satMs: 8000, satMax: 20_000, conc: 16, rate: 100, rateMs: 6000, conversations: 10_000, convMs: 150_000, approvals: 200, clickRate: 20, ackRate: 200, ackMs: 5000 };

/**
 * No phase (and no scale case) starts after this (ms since start); servers are stopped at HARD_MS. A full
 * run stays under 15 minutes, a quick one under 3.
 */
export const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? (QUICK ? 130_000 : 750_000));
export const HARD_MS = BUDGET_MS + (QUICK ? 40_000 : 120_000);

export const TURN_TEXT = 'link me with a distributor';
export const BENCH_STARTED = Date.now();
export const TAG = BENCH_STARTED.toString(36).slice(-4).toUpperCase();


export const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - BENCH_STARTED) / 1000).toFixed(1)}s] ${msg}\n`);

export let sinks: Sinks;
/** Set once by main(): the connector and Web API sinks of this run. */
export function useSinks(s: Sinks): void {
  sinks = s;
}
export let seq = 0;
export const children: Child[] = [];

export function productEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    PLAYGROUND: 'off',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: sinks.slackApiUrl,
    ...extra,
  };
}

export async function start(name: string, script: string, env: Record<string, string>): Promise<Child> {
  // main.js runs with the options `npm start` gives it; the bench's own servers with none.
  const c = await startNode(name, script, env, 30_000, script === MAIN ? shippedNodeArgs() : []);
  children.push(c);
  log(`${name} ready in ${c.readyMs.toFixed(0)} ms (${c.url})`);
  return c;
}

export async function stop(c: Child | undefined): Promise<void> {
  if (!c) return;
  await c.stop();
  const i = children.indexOf(c);
  if (i >= 0) children.splice(i, 1);
}

// ── one turn on each platform ─────────────────────────────────────────────────────────────────────

/** Teams: POST /api/messages; done when the HTTP answer comes (the reply was posted to the connector sink before it). */
export function teamsTurn(base: string, conversations: Set<string> | undefined, text = TURN_TEXT) {
  return async (): Promise<void> => {
    const n = ++seq;
    const conv = `a:bench-${TAG}-${n}`;
    conversations?.add(conv);
    const res = await post(`${base}/api/messages`, teamsMessage(TEAMS.mei, conv, text, sinks.teamsServiceUrl, `m${n}`), { 'content-type': 'application/json' });
    if (res.status !== 200) throw new Error(`Teams turn answered ${res.status}: ${res.body.slice(0, 200)}`);
  };
}

/** Slack: signed message.im to /slack/events; done when the reply's chat.postMessage reaches the Web API sink. */
export function slackTurn(base: string, conversations: Set<string> | undefined, text = TURN_TEXT) {
  return async (): Promise<void> => {
    const n = ++seq;
    const channel = `DB${TAG}${n.toString(36).toUpperCase()}`;
    conversations?.add(channel);
    const replied = sinks.wait(`chat.postMessage:${channel}`);
    const body = slackDm(SLACK.ken, channel, text, n, TAG);
    // If the delivery itself fails (a timeout), the wait for its reply must not become an unhandled rejection.
    const res = await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json')).catch((e: unknown) => {
      replied.catch(() => undefined);
      throw e;
    });
    if (res.status !== 200) {
      replied.catch(() => undefined);
      const why = res.status === 404 ? ' (Bolt answers 404 when a request is not acknowledged within 3 s)' : '';
      throw new Error(`Slack event answered ${res.status}${why}: ${res.body.slice(0, 200)}`);
    }
    await replied;
  };
}

/** Slack: only the acknowledgement (HTTP answer) of a signed message.im. */
export function slackAck(base: string) {
  return async (): Promise<void> => {
    const n = ++seq;
    const body = slackDm(SLACK.ken, `DA${TAG}${n.toString(36).toUpperCase()}`, TURN_TEXT, n, TAG);
    const res = await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'));
    if (res.status !== 200) throw new Error(`Slack ack ${res.status}: ${res.body.slice(0, 200)}`);
  };
}

export async function warm(op: () => Promise<void>): Promise<void> {
  await saturate(op, { concurrency: 4, durationMs: 20_000, maxCount: P.warm });
}

/**
 * The form asks for the distributor (an input or select named providerId): a reply without it is an
 * error card, and a run measuring error replies must not be reported as turns.
 */
function isTheForm(reply: unknown): boolean {
  return JSON.stringify(reply).includes('providerId');
}

/** Checks (once, not timed) that the product answers the benchmark's text with the form as an Adaptive Card; throws if not. */
/** The product's Teams reply (the form), as the sink received it. */
export const teamsForm: { reply?: Record<string, unknown> } = {};

export async function checkTeamsReply(base: string, tag = 'check'): Promise<string> {
  const conv = `a:bench-${TAG}-${tag}`;
  sinks.keep.add(conv);
  const replied = sinks.wait(`teams.post:${conv}`);
  await post(`${base}/api/messages`, teamsMessage(TEAMS.mei, conv, TURN_TEXT, sinks.teamsServiceUrl, 'check'), { 'content-type': 'application/json' });
  const d = await replied;
  const att = (d.body.attachments as { contentType?: string }[] | undefined) ?? [];
  if (att.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive') && isTheForm(att)) {
    teamsForm.reply = { type: 'message', attachments: att, ...(typeof d.body.summary === 'string' ? { summary: d.body.summary } : {}) };
    return 'Adaptive Card (the form)';
  }
  throw new Error(`the Teams reply is not the form: ${JSON.stringify(d.body).slice(0, 300)}`);
}

/** The product's Slack reply (the form's blocks), as the sink received it. */
export const slackForm: { blocks?: unknown[] } = {};

/** The same on Slack: the form as Block Kit; throws if not. */
export async function checkSlackReply(base: string, tag = 'CHECK'): Promise<string> {
  const channel = `DB${TAG}${tag}`;
  sinks.keep.add(channel);
  const replied = sinks.wait(`chat.postMessage:${channel}`);
  const body = slackDm(SLACK.ken, channel, TURN_TEXT, 999_999, TAG);
  await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'));
  const d = await replied;
  if (Array.isArray(d.body.blocks) && d.body.blocks.length > 0 && isTheForm(d.body.blocks)) {
    slackForm.blocks ??= d.body.blocks as unknown[];
    return `Block Kit (the form, ${d.body.blocks.length} blocks)`;
  }
  throw new Error(`the Slack reply is not the form: ${JSON.stringify(d.body).slice(0, 300)}`);
}


/** Warm-up, then saturation, then the fixed rate. `short` (MongoDB rows) halves the fixed-rate phase. */
export async function measure(op: () => Promise<void>, server: Child, short = false): Promise<Pair> {
  await warm(op);
  // CPU use of both sides during saturation: which one ran out of CPU (2 cores shared by both).
  const c0 = { server: cpuMsOf(server.proc.pid), loadgen: process.cpuUsage(), at: performance.now() };
  const sat = await saturate(op, { concurrency: P.conc, durationMs: P.satMs, maxCount: P.satMax });
  const wall = performance.now() - c0.at;
  const lg = process.cpuUsage(c0.loadgen);
  const saturation = {
    ...sat,
    serverCpuPct: Math.round(((cpuMsOf(server.proc.pid) - c0.server) * 100) / wall),
    loadgenCpuPct: Math.round(((lg.user + lg.system) / 1000) * 100 / wall),
  };
  await new Promise((r) => setTimeout(r, 300));
  const fixed = await fixedRate(op, { rate: P.rate, durationMs: short ? P.rateMs / 2 : P.rateMs, maxCount: 2000 });
  return { saturation, fixed };
}



export interface Shared {
  product?: Child;
  productDir?: { path: string; remove(): void };
  conversations: Set<string>;
  teamsEcho?: Pair;
  slackEcho?: Pair;
  echoStartMs?: number;
  echoRss?: number;
}

export async function ensureProduct(s: Shared): Promise<Child> {
  if (s.product) return s.product;
  s.productDir = tempDir('pl-bench-data-');
  s.product = await start('product', MAIN, productEnv(s.productDir.path));
  return s.product;
}
