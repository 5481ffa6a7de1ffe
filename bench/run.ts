/**
 * `npm run bench`: how fast a Partner Link turn is, next to the frameworks' own floor, in one run.
 *
 * This process is the load generator (keep-alive HTTP on 127.0.0.1) and hosts the connector / Web API
 * sinks; the servers under test are child processes: `node dist/bot/main.js` (the product as shipped),
 * `node dist/bench/server.js` (the product built in-process with /bench routes and an optional slow
 * store, or the bare botbuilder / Bolt echo floors). See bench/README.md for how to read the output.
 *
 * Options (environment): BENCH_QUICK=1 shortens every phase (development); BENCH_ONLY=a,b runs only
 * some phases (startup, teams, slack, conversations, mongo, approvals, ack).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './lib/chart';
import { fixedRate, get, post, saturate, type LoadResult } from './lib/load';
import { actionData, BOT_TOKEN, buttonsOf, SIGNING_SECRET, SLACK, slackClick, slackDm, slackHeaders, TEAMS, teamsExecute, teamsMessage } from './lib/payloads';
import { cpuMsOf, findMongo, ROOT, rssOf, shippedNodeArgs, startNode, tempDir, type Child } from './lib/procs';
import { Sinks } from './lib/sinks';
import { gitCommit, machine, mb, ms, results, rows, table, turnRows, x2, type Json, type Pair } from './lib/report';


const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const wanted = (phase: string) => ONLY.size === 0 || ONLY.has(phase);
const DIST = join(__dirname, '..');
const MAIN = join(DIST, 'bot', 'main.js');
const SERVER = join(DIST, 'bench', 'server.js');
const OUT = join(ROOT, 'bench', 'results');

/** Phase sizes: every loop is bounded by count and time. */
const P = QUICK
  ? { warm: 10, satMs: 1500, satMax: 300, conc: 8, rate: 100, rateMs: 1500, conversations: 600, convMs: 20_000, approvals: 20, clickRate: 10, ackRate: 200, ackMs: 1000 }
  : { warm: 60, satMs: 8000, satMax: 20_000, conc: 16, rate: 100, rateMs: 6000, conversations: 10_000, convMs: 150_000, approvals: 200, clickRate: 20, ackRate: 200, ackMs: 5000 };

/** No phase starts after this (ms since start); servers are stopped at HARD_MS. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 240_000);
const HARD_MS = BUDGET_MS + 90_000;

const TURN_TEXT = 'link me with a distributor';
const BENCH_STARTED = Date.now();
const TAG = BENCH_STARTED.toString(36).slice(-4).toUpperCase();


const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - BENCH_STARTED) / 1000).toFixed(1)}s] ${msg}\n`);

let sinks: Sinks;
let seq = 0;
const children: Child[] = [];

function productEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PLAYGROUND: 'off',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: sinks.slackApiUrl,
    ...extra,
  };
}

async function start(name: string, script: string, env: Record<string, string>): Promise<Child> {
  // main.js runs with the options `npm start` gives it; the bench's own servers with none.
  const c = await startNode(name, script, env, 30_000, script === MAIN ? shippedNodeArgs() : []);
  children.push(c);
  log(`${name} ready in ${c.readyMs.toFixed(0)} ms (${c.url})`);
  return c;
}

async function stop(c: Child | undefined): Promise<void> {
  if (!c) return;
  await c.stop();
  const i = children.indexOf(c);
  if (i >= 0) children.splice(i, 1);
}

// ── one turn on each platform ─────────────────────────────────────────────────────────────────────

/** Teams: POST /api/messages; done when the HTTP answer comes (the reply was posted to the connector sink before it). */
function teamsTurn(base: string, conversations: Set<string> | undefined, text = TURN_TEXT) {
  return async (): Promise<void> => {
    const n = ++seq;
    const conv = `a:bench-${TAG}-${n}`;
    conversations?.add(conv);
    const res = await post(`${base}/api/messages`, teamsMessage(TEAMS.mei, conv, text, sinks.teamsServiceUrl, `m${n}`), { 'content-type': 'application/json' });
    if (res.status !== 200) throw new Error(`Teams turn answered ${res.status}: ${res.body.slice(0, 200)}`);
  };
}

/** Slack: signed message.im to /slack/events; done when the reply's chat.postMessage reaches the Web API sink. */
function slackTurn(base: string, conversations: Set<string> | undefined, text = TURN_TEXT) {
  return async (): Promise<void> => {
    const n = ++seq;
    const channel = `DB${TAG}${n.toString(36).toUpperCase()}`;
    conversations?.add(channel);
    const replied = sinks.wait(`chat.postMessage:${channel}`);
    const body = slackDm(SLACK.ken, channel, text, n, TAG);
    const res = await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'));
    if (res.status !== 200) {
      replied.catch(() => undefined);
      const why = res.status === 404 ? ' (Bolt answers 404 when a request is not acknowledged within 3 s)' : '';
      throw new Error(`Slack event answered ${res.status}${why}: ${res.body.slice(0, 200)}`);
    }
    await replied;
  };
}

/** Slack: only the acknowledgement (HTTP answer) of a signed message.im. */
function slackAck(base: string) {
  return async (): Promise<void> => {
    const n = ++seq;
    const body = slackDm(SLACK.ken, `DA${TAG}${n.toString(36).toUpperCase()}`, TURN_TEXT, n, TAG);
    const res = await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'));
    if (res.status !== 200) throw new Error(`Slack ack ${res.status}: ${res.body.slice(0, 200)}`);
  };
}

async function warm(op: () => Promise<void>): Promise<void> {
  await saturate(op, { concurrency: 4, durationMs: 20_000, maxCount: P.warm });
}

/** Checks that the product's reply to the benchmark's text is an Adaptive Card / Block Kit form (once, not timed). */
async function checkTeamsReply(base: string): Promise<string> {
  const conv = `a:bench-${TAG}-check`;
  sinks.keep.add(conv);
  const replied = sinks.wait(`teams.post:${conv}`);
  await post(`${base}/api/messages`, teamsMessage(TEAMS.mei, conv, TURN_TEXT, sinks.teamsServiceUrl, 'check'), { 'content-type': 'application/json' });
  const d = await replied;
  const att = (d.body.attachments as { contentType?: string }[] | undefined) ?? [];
  return att.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive') ? 'Adaptive Card' : `no card (${JSON.stringify(d.body).slice(0, 120)})`;
}

async function checkSlackReply(base: string): Promise<string> {
  const channel = `DB${TAG}CHECK`;
  sinks.keep.add(channel);
  const replied = sinks.wait(`chat.postMessage:${channel}`);
  const body = slackDm(SLACK.ken, channel, TURN_TEXT, 999_999, TAG);
  await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'));
  const d = await replied;
  return Array.isArray(d.body.blocks) && d.body.blocks.length > 0 ? `Block Kit (${d.body.blocks.length} blocks)` : `no blocks (${JSON.stringify(d.body).slice(0, 120)})`;
}


/** Warm-up, then saturation, then the fixed rate. `short` (MongoDB rows) halves the fixed-rate phase. */
async function measure(op: () => Promise<void>, server: Child, short = false): Promise<Pair> {
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


// ── phases ────────────────────────────────────────────────────────────────────────────────────────

interface Shared {
  product?: Child;
  productDir?: { path: string; remove(): void };
  conversations: Set<string>;
  teamsEcho?: Pair;
  slackEcho?: Pair;
  echoStartMs?: number;
  echoRss?: number;
}

async function phaseStartup(s: Shared): Promise<void> {
  s.productDir = tempDir('pl-bench-data-');
  const env = productEnv(s.productDir.path);
  const cold = await start('product (first start: empty DATA_DIR, seeds the sample)', MAIN, env);
  const coldRss = rssOf(cold.proc.pid);
  await stop(cold);
  const warmStart = await start('product (second start)', MAIN, env);
  await new Promise((r) => setTimeout(r, 200));
  const rss = rssOf(warmStart.proc.pid);
  s.product = warmStart;
  const echo = await start('teams echo (startup floor)', SERVER, { BENCH_MODE: 'teams-echo' });
  s.echoStartMs = echo.readyMs;
  await new Promise((r) => setTimeout(r, 200));
  s.echoRss = rssOf(echo.proc.pid);
  await stop(echo);
  results.startup = { firstStartMs: cold.readyMs, secondStartMs: warmStart.readyMs, echoStartMs: s.echoStartMs, rssAfterStart: rss, rssAfterFirstStart: coldRss, echoRssAfterStart: s.echoRss };
  rows.push({
    id: '5',
    figure: 'start-up to /readyz 200: first start (seeds sample) / second start',
    product: `${ms(cold.readyMs)} / ${ms(warmStart.readyMs)}`,
    floor: ms(s.echoStartMs),
    ratio: `${x2(cold.readyMs, s.echoStartMs)} / ${x2(warmStart.readyMs, s.echoStartMs)}`,
    target: '< 1.5 s',
    verdict: Math.max(cold.readyMs, warmStart.readyMs) < 1500 ? 'PASS' : 'FAIL',
  });
  rows.push({ id: '5', figure: 'RSS after start (VmRSS, second start)', product: mb(rss), floor: mb(s.echoRss), ratio: x2(rss, s.echoRss), target: '(report)', verdict: 'INFO' });
}

async function ensureProduct(s: Shared): Promise<Child> {
  if (s.product) return s.product;
  s.productDir = tempDir('pl-bench-data-');
  s.product = await start('product', MAIN, productEnv(s.productDir.path));
  return s.product;
}

async function phaseTeams(s: Shared): Promise<void> {
  const product = await ensureProduct(s);
  const echo = await start('teams echo (botbuilder CloudAdapter)', SERVER, { BENCH_MODE: 'teams-echo' });
  try {
    const reply = await checkTeamsReply(product.url);
    log(`Teams: the product answers "${TURN_TEXT}" with: ${reply}`);
    const before = sinks.counts['teams.post'] ?? 0;
    log('Teams: echo floor');
    s.teamsEcho = await measure(teamsTurn(echo.url, undefined, 'hello'), echo);
    log('Teams: product, embedded store');
    const echoPosts = (sinks.counts['teams.post'] ?? 0) - before;
    const p = await measure(teamsTurn(product.url, s.conversations), product);
    results.teams = { embedded: p, echo: s.teamsEcho, productReply: reply, echoRepliesDelivered: echoPosts };
    turnRows('1', 'Teams', 'embedded', p, s.teamsEcho, true, P);
  } finally {
    await stop(echo);
  }
}

async function phaseSlack(s: Shared): Promise<void> {
  const product = await ensureProduct(s);
  const echo = await start('slack echo (Bolt ExpressReceiver)', SERVER, { BENCH_MODE: 'slack-echo', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: sinks.slackApiUrl });
  try {
    const reply = await checkSlackReply(product.url);
    log(`Slack: the product answers "${TURN_TEXT}" with: ${reply}`);
    log('Slack: echo floor');
    s.slackEcho = await measure(slackTurn(echo.url, undefined, 'hello'), echo);
    const echoAck = await fixedRate(slackAck(echo.url), { rate: P.ackRate, durationMs: P.ackMs, maxCount: 2000 });
    log('Slack: product, embedded store');
    const p = await measure(slackTurn(product.url, s.conversations), product);
    results.slack = { embedded: p, echo: s.slackEcho, echoAckAt200: echoAck, productReply: reply };
    turnRows('2', 'Slack', 'embedded', p, s.slackEcho, true, P);
  } finally {
    await stop(echo);
  }
}

async function phaseConversations(s: Shared): Promise<void> {
  const product = await ensureProduct(s);
  const need = P.conversations - s.conversations.size;
  const t0 = performance.now();
  if (need > 0) {
    log(`conversations: ${s.conversations.size} so far; ${need} more Teams turns, each in a new conversation`);
    const r = await saturate(teamsTurn(product.url, s.conversations), { concurrency: P.conc, durationMs: P.convMs, maxCount: need });
    results.conversationsTopUp = r;
  }
  await new Promise((r) => setTimeout(r, 500));
  const rss = rssOf(product.proc.pid);
  const done = s.conversations.size;
  results.memory = { conversations: done, rssAfterConversations: rss, topUpMs: performance.now() - t0 };
  rows.push({
    id: '5',
    figure: `RSS after ${done.toLocaleString('en')} distinct conversations took a turn`,
    product: mb(rss),
    floor: mb(s.echoRss ?? NaN),
    ratio: x2(rss, s.echoRss ?? NaN),
    target: '< 200 MB after 10,000',
    verdict: done >= 10_000 ? (rss < 200 * 1048576 ? 'PASS' : 'FAIL') : 'n/a',
    ...(done < 10_000 ? { note: `only ${done} conversations (time bound)` } : {}),
  });
}

async function phaseMongo(s: Shared): Promise<void> {
  const mongo = await findMongo();
  if ('unavailable' in mongo) {
    results.mongo = { skipped: mongo.unavailable };
    turnRows('6', 'Teams', 'MongoDB', `skipped: ${mongo.unavailable}`, undefined, false, P);
    turnRows('6', 'Slack', 'MongoDB', `skipped: ${mongo.unavailable}`, undefined, false, P);
    return;
  }
  const dir = tempDir('pl-bench-mongo-');
  let product: Child | undefined;
  try {
    product = await start(`product (MongoDB: ${mongo.source})`, MAIN, productEnv(dir.path, { MONGODB_URI: mongo.uri, MONGODB_DB: `plbench${TAG.toLowerCase()}` }));
    log('Teams: product, MongoDB');
    const teams = await measure(teamsTurn(product.url, undefined), product, true);
    log('Slack: product, MongoDB');
    const slack = await measure(slackTurn(product.url, undefined), product, true);
    results.mongo = { source: mongo.source, startMs: product.readyMs, teams, slack };
    turnRows('6', 'Teams', `MongoDB (${mongo.source.split(' ')[0]})`, teams, s.teamsEcho, false, P);
    turnRows('6', 'Slack', `MongoDB (${mongo.source.split(' ')[0]})`, slack, s.slackEcho, false, P);
  } catch (e) {
    results.mongo = { failed: (e as Error).message };
    turnRows('6', 'Teams', 'MongoDB', `failed: ${(e as Error).message.slice(0, 80)}`, undefined, false, P);
    turnRows('6', 'Slack', 'MongoDB', `failed: ${(e as Error).message.slice(0, 80)}`, undefined, false, P);
  } finally {
    await stop(product);
    await mongo.stop();
    dir.remove();
  }
}

async function phaseApprovals(s: Shared): Promise<void> {
  const dir = tempDir('pl-bench-approvals-');
  const server = await start('bench server (product in-process)', SERVER, { ...productEnv(dir.path), BENCH_MODE: 'product' });
  try {
    // Both admins of Contoso Distribution Japan talk to the bot once, so it knows where to send approval cards.
    const hiroshiConv = `a:bench-${TAG}-hiroshi`;
    sinks.keep.add(hiroshiConv);
    sinks.keep.add(SLACK.emily.dm);
    const hello = await post(`${server.url}/api/messages`, teamsMessage(TEAMS.hiroshi, hiroshiConv, 'help', sinks.teamsServiceUrl, 'h1'), { 'content-type': 'application/json' });
    if (hello.status !== 200) throw new Error(`Hiroshi's hello answered ${hello.status}`);
    const emilyReplied = sinks.wait(`chat.postMessage:${SLACK.emily.dm}`);
    const dm = slackDm(SLACK.emily, SLACK.emily.dm, 'help', 1, `${TAG}E`);
    await post(`${server.url}/slack/events`, dm, slackHeaders(dm, 'application/json'));
    await emilyReplied;
    // Store calls per turn (the in-process server counts every port call): 20 turns on each platform.
    const calls = async () => (JSON.parse((await get(`${server.url}/bench/stats`)).body) as { inbox: { calls: Record<string, number> } }).inbox.calls;
    const perTurn = (a: Record<string, number>, b: Record<string, number>, n: number) =>
      Object.fromEntries(Object.entries(b).map(([k, v]): [string, number] => [k, (v - (a[k] ?? 0)) / n]).filter(([, v]) => v > 0));
    const total = (o: Record<string, number>) => Object.values(o).reduce((x, y) => x + y, 0);
    const c0 = await calls();
    const tOp = teamsTurn(server.url, undefined);
    for (let i = 0; i < 20; i++) await tOp();
    const c1 = await calls();
    const sOp = slackTurn(server.url, undefined);
    for (let i = 0; i < 20; i++) await sOp();
    await new Promise((r) => setTimeout(r, 300));
    const c2 = await calls();
    const storeCalls = { teams: perTurn(c0, c1, 20), slack: perTurn(c1, c2, 20) };
    results.storeCallsPerTurn = storeCalls;
    rows.push({
      id: '-',
      figure: 'store calls per full turn, Teams / Slack (counted at the ports; details in the JSON)',
      product: `${total(storeCalls.teams).toFixed(1)} / ${total(storeCalls.slack).toFixed(1)}`,
      floor: '0 / 0',
      ratio: '-',
      target: '(report)',
      verdict: 'INFO',
      note: Object.entries(storeCalls.teams).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v}`).join(', '),
    });
    const filedAnswer = await post(`${server.url}/bench/file`, JSON.stringify({ count: P.approvals }), { 'content-type': 'application/json' }, 120_000);
    if (filedAnswer.status !== 200) throw new Error(`filing failed: ${filedAnswer.body.slice(0, 300)}`);
    const filed = (JSON.parse(filedAnswer.body) as { filed: { requestId: string; version: number }[] }).filed;
    await new Promise((r) => setTimeout(r, 300));
    const teamsCards = sinks.kept.filter((d) => d.where === hiroshiConv && d.method === 'teams.post');
    const slackCards = sinks.kept.filter((d) => d.where === SLACK.emily.dm && d.method === 'chat.postMessage');
    const half = Math.floor(filed.length / 2);
    const byTeams = filed.slice(0, half);
    const bySlack = filed.slice(half);
    log(`approvals: ${filed.length} requests filed; cards: ${teamsCards.length} Teams, ${slackCards.length} Slack`);

    let failures = 0;
    const teamsOps = byTeams.map((r) => {
      const posted = teamsCards.find((d) => JSON.stringify(d.body).includes(r.requestId));
      const card = (posted?.body.attachments as { content?: unknown }[] | undefined)?.[0]?.content;
      const data = card ? actionData(card, 'approve') : undefined;
      return { r, posted, data };
    });
    const teamsResult = await fixedRate(
      async (i) => {
        const o = teamsOps[i]!;
        if (!o.posted || !o.data) throw new Error(`no Teams approval card for ${o.r.requestId}`);
        const res = await post(`${server.url}/api/messages`, teamsExecute(TEAMS.hiroshi, hiroshiConv, 'approve', o.data, o.posted.id, sinks.teamsServiceUrl, `inv${i}`), { 'content-type': 'application/json' });
        const body = JSON.parse(res.body || '{}') as { statusCode?: number; type?: string; value?: unknown };
        if (res.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive' || !JSON.stringify(body.value).includes('Approved')) {
          failures++;
          throw new Error(`Teams approve answered ${res.status} ${res.body.slice(0, 200)}`);
        }
      },
      { rate: P.clickRate, durationMs: 60_000, maxCount: teamsOps.length },
    );
    const slackOps = bySlack.map((r) => {
      const posted = slackCards.find((d) => JSON.stringify(d.body.blocks ?? '').includes(r.requestId));
      const blocks = (posted?.body.blocks as unknown[] | undefined) ?? [];
      const button = buttonsOf(blocks).find((b) => JSON.stringify(b.text ?? '').includes('Approve'));
      return { r, posted, blocks, button };
    });
    const slackResult = await fixedRate(
      async (i) => {
        const o = slackOps[i]!;
        if (!o.posted || !o.button) throw new Error(`no Slack approval card / Approve button for ${o.r.requestId}`);
        const updated = sinks.wait(`chat.update:${SLACK.emily.dm}:${o.posted.id}`);
        const body = slackClick(SLACK.emily, SLACK.emily.dm, o.posted.id, o.blocks, o.button, i + 1);
        const res = await post(`${server.url}/slack/events`, body, slackHeaders(body, 'application/x-www-form-urlencoded'));
        if (res.status !== 200) {
          updated.catch(() => undefined);
          throw new Error(`Slack click answered ${res.status}`);
        }
        await updated;
      },
      { rate: P.clickRate, durationMs: 60_000, maxCount: slackOps.length },
    );
    // Every clicked request must now be approved.
    let approved = 0;
    for (const r of filed) {
      const st = JSON.parse((await get(`${server.url}/bench/request/${r.requestId}`)).body) as { status?: string };
      if (st.status === 'approved') approved++;
    }
    results.approvals = { filed: filed.length, approved, teams: teamsResult, slack: slackResult, teamsCards: teamsCards.length, slackCards: slackCards.length, failures };
    const floorT = s.teamsEcho?.fixed;
    const floorS = s.slackEcho?.fixed;
    rows.push({
      id: '3',
      figure: `Teams approval click -> updated card (invoke answer), p50 / p99 at ${P.clickRate}/s (${teamsResult.ok}/${teamsResult.sent} ok)`,
      product: `${ms(teamsResult.p50)} / ${ms(teamsResult.p99)}`,
      floor: floorT ? `${ms(floorT.p50)} / ${ms(floorT.p99)}` : '-',
      ratio: floorT ? `${x2(teamsResult.p50, floorT.p50)} / ${x2(teamsResult.p99, floorT.p99)}` : '-',
      target: '(report)',
      verdict: teamsResult.failed ? 'FAIL' : 'INFO',
    });
    rows.push({
      id: '3',
      figure: `Slack approval click -> chat.update of the card, p50 / p99 at ${P.clickRate}/s (${slackResult.ok}/${slackResult.sent} ok)`,
      product: `${ms(slackResult.p50)} / ${ms(slackResult.p99)}`,
      floor: floorS ? `${ms(floorS.p50)} / ${ms(floorS.p99)}` : '-',
      ratio: floorS ? `${x2(slackResult.p50, floorS.p50)} / ${x2(slackResult.p99, floorS.p99)}` : '-',
      target: '(report)',
      verdict: slackResult.failed ? 'FAIL' : 'INFO',
      note: `${approved}/${filed.length} requests approved in the store afterwards`,
    });
  } catch (e) {
    results.approvals = { failed: (e as Error).message };
    rows.push({ id: '3', figure: 'approval clicks', product: `not available: ${(e as Error).message.slice(0, 120)}`, floor: '-', ratio: '-', target: '(report)', verdict: 'n/a' });
  } finally {
    await stop(server);
    dir.remove();
  }
}

async function phaseAck(_s: Shared): Promise<void> {
  const run = async (delayMs: number) => {
    const dir = tempDir('pl-bench-ack-');
    const server = await start(`bench server (store writes delayed ${delayMs} ms)`, SERVER, { ...productEnv(dir.path), BENCH_MODE: 'product', BENCH_SLOW_WRITE_MS: String(delayMs) });
    try {
      // Warm-up (JIT, caches): a few deliveries, not counted.
      await saturate(slackAck(server.url), { concurrency: 20, durationMs: 10_000, maxCount: 40 });
      const stats0 = JSON.parse((await get(`${server.url}/bench/stats`)).body) as { inbox: { claims: Record<string, number>; completes: number } };
      const claims0 = stats0.inbox.claims.slack ?? 0;
      let processed = 0;
      const r = await fixedRate(slackAck(server.url), { rate: P.ackRate, durationMs: P.ackMs, maxCount: 2000 });
      // Lost = acknowledged (or sent) but never recorded in the inbox. Wait (bounded) for the stragglers.
      let claims = 0;
      const deadline = Date.now() + 10_000;
      for (;;) {
        const st = JSON.parse((await get(`${server.url}/bench/stats`)).body) as { inbox: { claims: Record<string, number>; completes: number } };
        claims = (st.inbox.claims.slack ?? 0) - claims0;
        processed = st.inbox.completes - stats0.inbox.completes;
        if (claims >= r.sent || Date.now() > deadline) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      // Completions include the stash's own (KV) entries, so this is indicative only.
      return { ...r, delayMs, reachedInbox: claims, lost: r.sent - claims, inboxCompletionsSoFar: processed };
    } finally {
      await stop(server);
      dir.remove();
    }
  };
  const slow = await run(2000);
  const fast = await run(0);
  const echoAck = (results.slack as { echoAckAt200?: LoadResult } | undefined)?.echoAckAt200;
  results.ack = { slowStore: slow, normalStore: fast, echo: echoAck };
  rows.push({
    id: '4',
    figure: `Slack ack p50 / p99 / max at ${P.ackRate}/s, every store write +2 s (${slow.ok}/${slow.sent} acked, ${slow.lost} lost)`,
    product: `${ms(slow.p50)} / ${ms(slow.p99)} / ${ms(slow.max)}`,
    floor: echoAck ? `${ms(echoAck.p50)} / ${ms(echoAck.p99)} / ${ms(echoAck.max)}` : '-',
    ratio: echoAck ? `${x2(slow.p50, echoAck.p50)} / ${x2(slow.p99, echoAck.p99)}` : '-',
    target: 'p99 < 100 ms, 0 lost',
    verdict: slow.p99 < 100 && slow.lost === 0 && slow.failed === 0 ? 'PASS' : 'FAIL',
  });
  rows.push({
    id: '4',
    figure: `Slack ack p50 / p99 / max at ${P.ackRate}/s, store at normal speed (${fast.ok}/${fast.sent} acked, ${fast.lost} lost)`,
    product: `${ms(fast.p50)} / ${ms(fast.p99)} / ${ms(fast.max)}`,
    floor: echoAck ? `${ms(echoAck.p50)} / ${ms(echoAck.p99)} / ${ms(echoAck.max)}` : '-',
    ratio: echoAck ? `${x2(fast.p50, echoAck.p50)} / ${x2(fast.p99, echoAck.p99)}` : '-',
    target: '(reference)',
    verdict: 'INFO',
  });
}

// ── output ────────────────────────────────────────────────────────────────────────────────────────




async function main(): Promise<number> {
  // Time budget: no phase starts after BUDGET_MS; at HARD_MS the servers are stopped (what runs then
  // fails fast and is reported), and 60 s later the process exits whatever happens.
  let outOfTime = false;
  const hard = setTimeout(() => {
    outOfTime = true;
    log(`hard time limit (${HARD_MS / 1000} s) reached: stopping the servers; the report says what was cut`);
    void Promise.all(children.map((c) => c.stop()));
    setTimeout(() => process.exit(3), 60_000).unref();
  }, HARD_MS);
  hard.unref();
  const mach = machine();
  sinks = await new Sinks().start();
  const s: Shared = { conversations: new Set() };
  const phases: [string, (s: Shared) => Promise<void>][] = [
    ['startup', phaseStartup],
    ['teams', phaseTeams],
    ['slack', phaseSlack],
    ['conversations', phaseConversations],
    ['approvals', phaseApprovals],
    ['ack', phaseAck],
    ['mongo', phaseMongo],
  ];
  const failures: Json = {};
  try {
    for (const [name, phase] of phases) {
      if (!wanted(name)) continue;
      if (outOfTime || Date.now() - BENCH_STARTED > BUDGET_MS) {
        failures[name] = 'skipped: time budget used up';
        rows.push({ id: '-', figure: `phase ${name}`, product: 'skipped: time budget used up', floor: '-', ratio: '-', target: '-', verdict: 'n/a' });
        continue;
      }
      log(`phase ${name}`);
      try {
        await phase(s);
      } catch (e) {
        failures[name] = (e as Error).message;
        log(`phase ${name} failed: ${(e as Error).stack ?? String(e)}`);
        rows.push({ id: '-', figure: `phase ${name}`, product: `not available: ${(e as Error).message.slice(0, 160)}`, floor: '-', ratio: '-', target: '-', verdict: 'n/a' });
      }
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    s.productDir?.remove();
    await sinks.stop();
  }
  const report = {
    date: new Date(BENCH_STARTED).toISOString(),
    durationMs: Date.now() - BENCH_STARTED,
    commit: gitCommit(),
    machine: mach,
    quick: QUICK,
    phases: P,
    text: TURN_TEXT,
    rows,
    results,
    failures,
    sinkCounts: sinks.counts,
  };
  mkdirSync(OUT, { recursive: true });
  const name = QUICK ? 'quick' : 'latest';
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const text = table();
  process.stdout.write(`\nPartner Link bench, ${report.date}, commit ${report.commit}\n`);
  process.stdout.write(`machine: ${String(mach.cpus)} × ${String(mach.cpuModel)}, ${mb(Number(mach.memoryBytes))} RAM, Node ${process.version}${QUICK ? ' (QUICK run: short phases, not comparable)' : ''}\n\n`);
  process.stdout.write(`${text}\n\n`);
  try {
    const png = await renderChart(report, join(OUT, `${name}.png`));
    process.stdout.write(`wrote ${join(OUT, `${name}.json`)} and ${png}\n`);
  } catch (e) {
    process.stdout.write(`wrote ${join(OUT, `${name}.json`)}; chart not rendered: ${(e as Error).message}\n`);
  }
  clearTimeout(hard);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
    void Promise.all(children.map((c) => c.stop())).finally(() => process.exit(1));
  },
);
