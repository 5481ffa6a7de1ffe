/**
 * The scale rows (issue 19): generated directories S, M and L (bench/lib/generate-directory.ts), each
 * seeded with `partner-link seed` into a fresh embedded store or a fresh MongoDB database, then the
 * product as shipped (`node dist/bot/main.js`, `npm start`'s Node options) started on it and measured:
 * seed time, start-up to /healthz ok, RSS, a Teams link turn and a Slack add-partner turn (p50/p99 at a
 * fixed rate the L directory can be asked to bear), Slack's ack, the eligibility query alone (in its own
 * process, bench/eligibility.ts) and, on MongoDB, round trips per turn counted on the wire
 * (bench/lib/wire-count.ts). Each figure is also given as a ratio against S from the same run.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTORY_SIZES, generateDirectory } from './generate-directory';
import { fixedRate, post, saturate, type LoadResult } from './load';
import { slackDm, slackHeaders, teamsMessage, type TeamsWho } from './payloads';
import { cpuMsOf, rssOf, shippedNodeArgs, startNode, tempDir, type Child, type Mongo } from './procs';
import { mb, ms, results, rows, type Json } from './report';
import { formatGrowth, gist, type BySize, type ScaleSize } from './scale-math';
import { perOperation, startWireProxy, type WireProxy } from './wire-count';
import { children, DIST, log, MAIN, productEnv, sinks, TAG } from './context';

export const ADD_PARTNER_TEXT = 'We need a second partner for Azure';
export const LINK_TEXT = 'link me with a distributor';

export type ScaleStore = 'embedded' | 'mongodb';

export interface ScalePlan {
  embedded: ScaleSize[];
  mongodb: ScaleSize[];
  /** Fixed-rate turns: rate (per second) and how long, for each platform. */
  turnRate: number;
  turnMs: number;
  ackRate: number;
  ackMs: number;
  /** Conversations for the RSS figure: up to `conversations`, for at most `conversationsMs`. */
  conversations: number;
  conversationsMs: number;
  eligibilityRuns: number;
  roundTripTurns: number;
  /** A seed (or an eligibility run) that has not finished by then is stopped and reported. */
  seedTimeoutMs: number;
  eligibilityTimeoutMs: number;
  startTimeoutMs: number;
}

/** The people a scale run talks as: a reseller admin on Teams, a US customer admin given a Slack identity. */
export interface ScaleCast {
  reseller: TeamsWho & { orgId: string };
  customer: { orgId: string; personId: string; teamId: string; userId: string };
}

/**
 * The country the scale turns are asked from: S has distributors in Japan only (2 of them), so a US
 * reseller or customer there has nobody to link with or buy from, and its turn would be a short refusal
 * at S and a full list at M; a Japanese reseller and customer see a real list at every size.
 */
export const SCALE_COUNTRY = 'JP';

/** Generates `size` and writes it as JSON, with the customer's admin given a Slack identity for the bench. */
export function writeScaleDirectory(size: ScaleSize, file: string): ScaleCast & { organizations: number } {
  const d = generateDirectory(size, 1);
  const inJapan = (kind: string) => (o: Json) => o.kind === kind && o.country === SCALE_COUNTRY && o.cloud === 'public';
  const reseller = d.organizations.find(inJapan('indirect_reseller'));
  const customer = d.organizations.find(inJapan('customer'));
  if (!reseller || !customer) throw new Error(`the ${size} directory has no ${SCALE_COUNTRY} public-cloud reseller or customer`);
  const adminOf = (orgId: unknown) => d.people.find((p) => p.orgId === orgId)!;
  const rAdmin = adminOf(reseller.id);
  const rTeams = (rAdmin.identities as Json[])[0]!;
  const cAdmin = adminOf(customer.id);
  const slack = { platform: 'slack', teamId: 'T0BENCHCUST', userId: 'U0BENCHCUST' };
  cAdmin.identities = [...(cAdmin.identities as Json[]), slack];
  writeFileSync(file, JSON.stringify(d));
  return {
    organizations: d.organizations.length,
    reseller: { orgId: String(reseller.id), id: `29:bench-${String(rAdmin.id)}`, name: String(rAdmin.name), aadObjectId: String(rTeams.aadObjectId), tenantId: String(rTeams.tenantId) },
    customer: { orgId: String(customer.id), personId: String(cAdmin.id), teamId: slack.teamId, userId: slack.userId },
  };
}

/** Runs `node <script> args` to the end (at most timeoutMs); its stdout, stderr's tail, wall and CPU time. */
export function runNode(script: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; wallMs: number; cpuMs: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'development', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let cpuMs = NaN;
    let timedOut = false;
    proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    // /proc/<pid>/stat is gone once the process has exited: read its CPU time while it runs.
    const sample = setInterval(() => {
      const c = cpuMsOf(proc.pid);
      if (Number.isFinite(c)) cpuMs = c;
    }, 100);
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.on('exit', (code) => {
      clearInterval(sample);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, wallMs: performance.now() - t0, cpuMs, timedOut });
    });
  });
}

function teamsLink(base: string, who: TeamsWho, conversations: Set<string>, text = LINK_TEXT) {
  let n = 0;
  return async (): Promise<void> => {
    const conv = `a:scale-${TAG}-${who.aadObjectId.slice(0, 8)}-${++n}`;
    conversations.add(conv);
    const res = await post(`${base}/api/messages`, teamsMessage(who, conv, text, sinks.teamsServiceUrl, `s${n}`), { 'content-type': 'application/json' }, 30_000);
    if (res.status !== 200) throw new Error(`Teams turn answered ${res.status}: ${res.body.slice(0, 200)}`);
  };
}

let slackSeq = 5_000_000;
function slackAddPartner(base: string, cast: ScaleCast, waitReply: boolean) {
  return async (): Promise<void> => {
    const n = ++slackSeq;
    const channel = `DS${TAG}${n.toString(36).toUpperCase()}`;
    const replied = waitReply ? sinks.wait(`chat.postMessage:${channel}`, 30_000) : undefined;
    const body = slackDm(cast.customer, channel, ADD_PARTNER_TEXT, n, TAG);
    const res = await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'), 30_000).catch((e: unknown) => {
      replied?.catch(() => undefined);
      throw e;
    });
    if (res.status !== 200) {
      replied?.catch(() => undefined);
      throw new Error(`Slack event answered ${res.status}: ${res.body.slice(0, 200)}`);
    }
    if (replied) await replied;
  };
}

/** What the product answered (once, untimed): the first words of a Teams reply, the first Slack block's text. */
async function firstReplies(base: string, cast: ScaleCast): Promise<{ teams: string; slack: string }> {
  const conv = `a:scale-${TAG}-check-${cast.reseller.orgId}`;
  sinks.keep.add(conv);
  const t = sinks.wait(`teams.post:${conv}`, 60_000);
  await post(`${base}/api/messages`, teamsMessage(cast.reseller, conv, LINK_TEXT, sinks.teamsServiceUrl, 'scheck'), { 'content-type': 'application/json' }, 60_000);
  const td = await t;
  const channel = `DSCHK${TAG}${cast.customer.orgId.length}`;
  sinks.keep.add(channel);
  const s = sinks.wait(`chat.postMessage:${channel}`, 60_000);
  const body = slackDm(cast.customer, channel, ADD_PARTNER_TEXT, 4_999_999, TAG);
  await post(`${base}/slack/events`, body, slackHeaders(body, 'application/json'), 60_000);
  const sd = await s;
  const att = (td.body.attachments as { contentType?: string; content?: unknown }[] | undefined) ?? [];
  const teams = att.length ? `${att[0]!.contentType === 'application/vnd.microsoft.card.adaptive' ? 'Adaptive Card' : 'attachment'} of ${JSON.stringify(att[0]!.content).length} bytes${JSON.stringify(att).includes('providerId') ? ' (the form)' : ''}` : `text: ${String(td.body.text ?? '').slice(0, 80)}`;
  const blocks = (sd.body.blocks as Json[] | undefined) ?? [];
  const slack = blocks.length ? `Block Kit, ${blocks.length} blocks${JSON.stringify(blocks).includes('external_select') ? ' (a search)' : ''}: ${JSON.stringify(blocks[0]).slice(0, 80)}` : `text: ${String(sd.body.text ?? '').slice(0, 80)}`;
  return { teams, slack };
}

export interface ScaleCase {
  size: ScaleSize;
  store: ScaleStore;
  organizations?: number;
  seedMs?: number;
  seedCpuMs?: number;
  eligibility?: Json;
  startMs?: number;
  startCpuMs?: number;
  rssAfterStart?: number;
  replies?: { teams: string; slack: string };
  roundTripsPerTurn?: { teams: number; slack: number; idlePerSecond: number };
  teamsLink?: LoadResult;
  slackAddPartner?: LoadResult;
  slackAck?: LoadResult & { repliesAfter: number };
  conversations?: number;
  rssAfterConversations?: number;
  failed?: string;
  skipped?: string;
}

/** One size on one store; never throws (a failure is recorded in the case and the rest of it skipped). */
export async function runScaleCase(size: ScaleSize, store: ScaleStore, plan: ScalePlan, work: string, mongo: Mongo | undefined): Promise<ScaleCase> {
  const c: ScaleCase = { size, store };
  const dataDir = tempDir(`pl-bench-scale-${size}-`);
  let proxy: WireProxy | undefined;
  let product: Child | undefined;
  try {
    const file = join(work, `${size}.json`);
    const cast = writeScaleDirectory(size, file);
    c.organizations = cast.organizations;
    const db = `plscale${TAG.toLowerCase()}${size.toLowerCase()}`;
    const storeEnv: Record<string, string> = store === 'mongodb' ? { MONGODB_URI: mongo!.uri, MONGODB_DB: db } : { DATA_DIR: dataDir.path };
    log(`scale ${size} ${store}: seeding ${cast.organizations.toLocaleString('en')} organizations`);
    const seed = await runNode(join(DIST, 'bot', 'cli.js'), ['seed', file], { ...storeEnv, LOG_LEVEL: 'warn' }, plan.seedTimeoutMs);
    c.seedMs = Math.round(seed.wallMs);
    c.seedCpuMs = Math.round(seed.cpuMs);
    if (seed.timedOut) throw new Error(`seed not finished within ${plan.seedTimeoutMs / 1000} s (stopped)`);
    if (seed.code !== 0) throw new Error(`seed exited with ${seed.code}: ${gist(seed.stderr)}`);

    log(`scale ${size} ${store}: seeded in ${(seed.wallMs / 1000).toFixed(1)} s; the eligibility query alone`);
    const el = await runNode(join(DIST, 'bench', 'eligibility.js'), [dataDir.path, String(plan.eligibilityRuns), '--query-only', `--customer=${cast.customer.orgId}`], { ...storeEnv, LOG_LEVEL: 'warn' }, plan.eligibilityTimeoutMs);
    if (el.code === 0) c.eligibility = { ...(JSON.parse(el.stdout.trim().split('\n').at(-1) ?? '{}') as Json), processMs: Math.round(el.wallMs) };
    else c.eligibility = { failed: el.timedOut ? `not finished within ${plan.eligibilityTimeoutMs / 1000} s` : gist(el.stderr) };

    if (store === 'mongodb') proxy = await startWireProxy(mongo!.uri);
    const env = productEnv(dataDir.path, { SEED_DIRECTORY: 'none', ...(store === 'mongodb' ? { MONGODB_URI: proxy!.uri, MONGODB_DB: db } : {}) });
    product = await startNode(`product (${size}, ${store})`, MAIN, env, plan.startTimeoutMs, shippedNodeArgs(), 'healthz');
    children.push(product);
    c.startMs = Math.round(product.readyMs);
    c.startCpuMs = cpuMsOf(product.proc.pid);
    await new Promise((r) => setTimeout(r, 200));
    c.rssAfterStart = rssOf(product.proc.pid);
    log(`scale ${size} ${store}: ready in ${product.readyMs.toFixed(0)} ms, RSS ${mb(c.rssAfterStart)}`);

    c.replies = await firstReplies(product.url, cast);
    log(`scale ${size} ${store}: Teams answers with ${c.replies.teams}; Slack with ${c.replies.slack}`);
    const conversations = new Set<string>();
    const teamsOp = teamsLink(product.url, cast.reseller, conversations);
    const slackOp = slackAddPartner(product.url, cast, true);
    for (let i = 0; i < 5; i++) {
      await teamsOp();
      await slackOp();
    }
    if (proxy) {
      // Round trips: what the wire carries while nothing happens, then while turns run one at a time.
      const p = proxy;
      const count = async (what: () => Promise<void>) => {
        const r0 = p.requests();
        const t0 = performance.now();
        await what();
        return { requests: p.requests() - r0, ms: performance.now() - t0 };
      };
      const idle = await count(() => new Promise((r) => setTimeout(r, 2000)));
      const n = plan.roundTripTurns;
      const t = await count(async () => {
        for (let i = 0; i < n; i++) await teamsOp();
      });
      const s = await count(async () => {
        for (let i = 0; i < n; i++) await slackOp();
      });
      c.roundTripsPerTurn = {
        teams: round1(perOperation(t.requests, t.ms, idle.requests, idle.ms, n)),
        slack: round1(perOperation(s.requests, s.ms, idle.requests, idle.ms, n)),
        idlePerSecond: round1((idle.requests * 1000) / idle.ms),
      };
    }
    log(`scale ${size} ${store}: Teams link turns at ${plan.turnRate}/s`);
    c.teamsLink = await fixedRate(teamsOp, { rate: plan.turnRate, durationMs: plan.turnMs, maxCount: 5000 });
    log(`scale ${size} ${store}: Slack add-partner turns at ${plan.turnRate}/s`);
    c.slackAddPartner = await fixedRate(slackOp, { rate: plan.turnRate, durationMs: plan.turnMs, maxCount: 5000 });
    // The ack: every delivery is a whole add-partner turn the bot then runs; wait (bounded) for them to end.
    const before = sinks.counts['chat.postMessage'] ?? 0;
    const ack = await fixedRate(slackAddPartner(product.url, cast, false), { rate: plan.ackRate, durationMs: plan.ackMs, maxCount: 5000 });
    const deadline = Date.now() + 30_000;
    while ((sinks.counts['chat.postMessage'] ?? 0) - before < ack.ok && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    c.slackAck = { ...ack, repliesAfter: (sinks.counts['chat.postMessage'] ?? 0) - before };

    const need = plan.conversations - conversations.size;
    if (need > 0) {
      log(`scale ${size} ${store}: up to ${need} more conversations (at most ${plan.conversationsMs / 1000} s)`);
      await saturate(teamsOp, { concurrency: 8, durationMs: plan.conversationsMs, maxCount: need });
    }
    await new Promise((r) => setTimeout(r, 300));
    c.conversations = conversations.size;
    c.rssAfterConversations = rssOf(product.proc.pid);
    if (product.proc.exitCode !== null || product.proc.signalCode !== null) throw new Error(`the product exited (${product.proc.exitCode ?? product.proc.signalCode}): ${product.stderr().slice(-300)}`);
  } catch (e) {
    c.failed = gist((e as Error).message);
    log(`scale ${size} ${store} failed: ${c.failed}`);
  } finally {
    if (product) {
      await product.stop();
      const i = children.indexOf(product);
      if (i >= 0) children.splice(i, 1);
    }
    await proxy?.stop();
    dataDir.remove();
  }
  return c;
}

const round1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : NaN);

/** The rows of the growth table, one per figure and store, ratios against S of the same run. */
export function scaleRows(cases: ScaleCase[]): void {
  for (const store of ['embedded', 'mongodb'] as const) {
    const mine = cases.filter((c) => c.store === store);
    if (!mine.length) continue;
    const label = store === 'embedded' ? 'embedded' : 'MongoDB';
    const by = (f: (c: ScaleCase) => number | undefined): BySize => Object.fromEntries(mine.map((c) => [c.size, f(c)]).filter(([, v]) => v !== undefined && Number.isFinite(v as number)));
    const show = (f: (c: ScaleCase) => number | undefined, fmt: (v: number) => string) =>
      mine.map((c) => `${c.size} ${c.failed && f(c) === undefined ? 'failed' : f(c) === undefined ? '-' : fmt(f(c)!)}`).join(' · ');
    const push = (figure: string, f: (c: ScaleCase) => number | undefined, fmt: (v: number) => string, target = '(report)', verdict: 'PASS' | 'FAIL' | 'INFO' | 'n/a' = 'INFO', note?: string) =>
      rows.push({ id: 'S', figure: `scale, ${label}: ${figure}`, product: show(f, fmt), floor: '-', ratio: formatGrowth(by(f)), target, verdict, ...(note ? { note } : {}) });
    const L = mine.find((c) => c.size === 'L');
    const S = mine.find((c) => c.size === 'S');
    // A figure measured at L is judged; one L never reached because the case failed earlier is a FAIL.
    const lVerdict = (ok: (l: ScaleCase) => boolean | undefined): 'PASS' | 'FAIL' | 'n/a' => {
      if (store !== 'embedded' || !L || L.skipped) return 'n/a';
      const v = ok(L);
      if (v === undefined) return L.failed ? 'FAIL' : 'n/a';
      return v ? 'PASS' : 'FAIL';
    };
    const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;
    push('seed (partner-link seed, wall)', (c) => c.seedMs, sec, store === 'embedded' ? 'L < 2 min' : '(report)', lVerdict((l) => (l.seedMs === undefined ? undefined : l.seedMs < 120_000)));
    push(`eligibility query alone (${SCALE_COUNTRY} customer, Azure), p50`, (c) => num(c.eligibility, 'query', 'p50Ms'), ms, '(report)', 'INFO', `eligible: ${mine.map((c) => `${c.size} ${num(c.eligibility, 'query', 'eligible')}`).join(', ')}`);
    push('start-up to /healthz ok (seeded store)', (c) => c.startMs, ms, store === 'embedded' ? 'L < 5 s' : '(report)', lVerdict((l) => (l.startMs === undefined ? undefined : l.startMs < 5000)));
    push('RSS after start', (c) => c.rssAfterStart, mb);
    push('RSS after the conversations', (c) => c.rssAfterConversations, mb, store === 'embedded' ? 'L < 400 MB' : '(report)', lVerdict((l) => (l.rssAfterConversations === undefined ? undefined : l.rssAfterConversations < 400 * 1048576)), `conversations: ${mine.map((c) => `${c.size} ${c.conversations ?? '-'}`).join(', ')}`);
    const turn = (name: string, f: (c: ScaleCase) => LoadResult | undefined) => {
      const failedNote = mine.filter((c) => (f(c)?.failed ?? 0) > 0).map((c) => `${c.size}: ${f(c)!.failed}/${f(c)!.sent} failed (${(f(c)!.firstError ?? '').slice(0, 80)})`).join('; ');
      push(`${name} p50`, (c) => f(c)?.p50, ms, '(report)', 'INFO');
      const p99ok = (l: ScaleCase) => {
        const x = f(l);
        const s = S ? f(S) : undefined;
        return x === undefined ? undefined : x.failed === 0 && x.p99 < 300 && (s === undefined || x.p99 <= 3 * s.p99);
      };
      push(`${name} p99`, (c) => f(c)?.p99, ms, store === 'embedded' ? 'L < 300 ms and ≤ 3× S' : '(report)', lVerdict(p99ok), failedNote || undefined);
    };
    turn('Teams link turn', (c) => c.teamsLink);
    turn('Slack add-partner turn', (c) => c.slackAddPartner);
    push('Slack ack p99 (add-partner deliveries)', (c) => c.slackAck?.p99, ms, store === 'embedded' ? 'L < 100 ms' : '(report)', lVerdict((l) => (l.slackAck === undefined ? undefined : l.slackAck.p99 < 100 && l.slackAck.failed === 0)));
    if (store === 'mongodb') {
      push('round trips per Teams link turn (wire)', (c) => c.roundTripsPerTurn?.teams, (v) => v.toFixed(1), 'flat with size', 'INFO');
      push('round trips per Slack add-partner turn (wire)', (c) => c.roundTripsPerTurn?.slack, (v) => v.toFixed(1), 'flat with size', 'INFO');
    }
    for (const c of mine) if (c.failed || c.skipped) rows.push({ id: 'S', figure: `scale, ${label}, ${c.size}`, product: c.skipped ?? `failed: ${c.failed!.slice(0, 160)}`, floor: '-', ratio: '-', target: '-', verdict: c.skipped ? 'n/a' : 'FAIL' });
  }
}

function num(o: unknown, ...path: string[]): number | undefined {
  let x: unknown = o;
  for (const k of path) x = x && typeof x === 'object' ? (x as Json)[k] : undefined;
  return typeof x === 'number' ? x : undefined;
}

export function scaleSizesNote(): Json {
  return DIRECTORY_SIZES as unknown as Json;
}

export function recordScale(cases: ScaleCase[], plan: ScalePlan): void {
  results.scale = { plan, sizes: scaleSizesNote(), cases };
}
