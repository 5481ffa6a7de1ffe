/**
 * `npm run fuzz`: the real bot (bot/main.ts, as npm start runs it, in its own process) over a fresh
 * embedded store with the sample directory and one pending request, Teams in anonymous local mode and
 * Slack with a test signing secret, both answering to local fakes on 127.0.0.1. It sends mutated copies
 * of recorded Teams and Slack payloads (fields deleted, retyped, oversized, deeply nested; broken JSON;
 * wrong content types; bad signatures; valid signatures over hostile content) to both endpoints, and
 * counts the answers. Afterwards: the process must still be up, no answer may be a 500, and the store's
 * requests must be exactly as before (exit code 1 otherwise).
 *
 * FUZZ_REQUESTS (default 10,000) and FUZZ_DEADLINE_MS (default 600,000) bound it; FUZZ_SEED makes a run
 * repeatable. Traffic goes to 127.0.0.1 only. Prints the figures as JSON; exits 1 when a check fails.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../adapters/open-store';
import { readDirectoryFile } from '../bot/directory-file';
import { createService } from '../bot/runtime';
import { DomainPolicySchema } from '../domain';
import { seededRandom } from '../domain/seeded-random';

const ROOT = join(__dirname, '..');
const SECRET = 'fuzz-signing-secret-0123456789abcdef';

export interface FuzzFigures {
  sent: number;
  byEndpoint: Record<string, number>;
  statuses: Record<string, number>;
  /**
   * Answers of 5xx by mutation. A 501 is botbuilder's answer to an invoke the bot has no handler for (a
   * mutated invoke name), the Bot Framework's own protocol; a 500 is a failure.
   */
  slack500ByMutation: Record<string, number>;
  teams500ByMutation: Record<string, number>;
  networkErrors: number;
  crashed: boolean;
  requestsBefore: string[];
  requestsAfter: string[];
  stateChanged: boolean;
  stoppedBy: 'count' | 'deadline';
  ms: number;
}

type Json = unknown;

function localServer(handler: (path: string, body: string) => [number, Json]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const [status, json] = handler(req.url ?? '/', body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Every request's ID, status and version, from the embedded store's file (the last line per ID wins). */
function requestStates(dataDir: string): string[] {
  const file = join(dataDir, 'requests.db');
  const last = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { _id?: string; $$deleted?: boolean; status?: string; version?: number };
    if (!doc._id) continue;
    if (doc.$$deleted) last.delete(doc._id);
    else last.set(doc._id, `${doc._id} ${doc.status} v${doc.version}`);
  }
  return [...last.values()].sort();
}

const HOSTILE: Json[] = [
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  '\u0000\u202e<script>alert(1)</script>',
  'PL-AAAAAAAA',
  '𠮷'.repeat(3000),
  -1,
  1e308,
  [],
  null,
  true,
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** The paths of every field in a JSON value (objects and arrays). */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, Json>)) {
    const p = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(p);
    paths(v, p, out, depth + 1);
  }
  return out;
}

function setAt(root: Json, path: (string | number)[], fn: (old: Json) => Json | undefined): void {
  let node = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  const next = fn(node[key]);
  if (next === undefined) delete node[key];
  else node[key] = next;
}

const MUTATIONS = ['delete', 'retype', 'oversize', 'nest', 'hostile', 'several'] as const;
type Mutation = (typeof MUTATIONS)[number];

function mutate(rand: () => number, seed: Json, kind: Mutation): Json {
  const copy = structuredClone(seed);
  const all = paths(copy);
  if (all.length === 0) return copy;
  const times = kind === 'several' ? 2 + Math.floor(rand() * 4) : 1;
  for (let i = 0; i < times; i++) {
    const path = pick(rand, paths(copy).length ? paths(copy) : all);
    const k: Mutation = kind === 'several' ? pick(rand, MUTATIONS.slice(0, 5)) : kind;
    try {
      setAt(copy, path, (old) => {
        switch (k) {
          case 'delete':
            return undefined;
          case 'retype':
            return pick(rand, [42, 'text', null, [], {}, true, [old], { value: old }]);
          case 'oversize':
            return 'x'.repeat(pick(rand, [1_000, 50_000, 300_000]));
          case 'nest': {
            let v: Json = old;
            const depth = pick(rand, [20, 60, 200]);
            for (let d = 0; d < depth; d++) v = rand() < 0.5 ? [v] : { a: v };
            return v;
          }
          default:
            return structuredClone(pick(rand, HOSTILE));
        }
      });
    } catch {
      // The path went away under an earlier mutation.
    }
  }
  return copy;
}

interface Shot {
  endpoint: '/api/messages' | '/slack/events';
  mutation: string;
  body: string;
  headers: Record<string, string>;
}

function slackSign(body: string, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig };
}

/** A Slack body as Slack sends it: events as JSON; clicks as a form with `payload`; commands as a form. */
function slackBody(seed: Record<string, unknown>): { body: string; type: string } {
  if (typeof seed.command === 'string') return { body: new URLSearchParams(Object.entries(seed).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : String(JSON.stringify(v))])).toString(), type: 'application/x-www-form-urlencoded' };
  if (seed.type === 'block_actions' || seed.type === 'view_submission') return { body: `payload=${encodeURIComponent(JSON.stringify(seed))}`, type: 'application/x-www-form-urlencoded' };
  return { body: JSON.stringify(seed), type: 'application/json' };
}

function makeShot(rand: () => number, teamsSeeds: Json[], slackSeeds: Json[]): Shot {
  const slack = rand() < 0.5;
  const roll = rand();
  const seed = pick(rand, slack ? slackSeeds : teamsSeeds);
  // Body-level breakage first, then field mutations of a well-formed body.
  if (roll < 0.08) {
    const text = JSON.stringify(seed);
    const broken = pick(rand, [text.slice(0, Math.floor(rand() * text.length)), `${text}}`, text.replace(/"/, "'"), '', 'null', '[]', '"x"', '\u0000'.repeat(10)]);
    return slack ? { endpoint: '/slack/events', mutation: 'bad-json', body: broken, headers: { 'content-type': 'application/json', ...slackSign(broken) } } : { endpoint: '/api/messages', mutation: 'bad-json', body: broken, headers: { 'content-type': 'application/json' } };
  }
  if (roll < 0.12) {
    const body = JSON.stringify(seed);
    const type = pick(rand, ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', '']);
    return { endpoint: slack ? '/slack/events' : '/api/messages', mutation: 'content-type', body, headers: { ...(type ? { 'content-type': type } : {}), ...(slack ? slackSign(body) : {}) } };
  }
  if (roll < 0.15) {
    const depth = pick(rand, [100, 1_000, 5_000]);
    const body = `{"type":"message","text":"hi","value":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    return { endpoint: slack ? '/slack/events' : '/api/messages', mutation: 'deep-body', body, headers: { 'content-type': 'application/json', ...(slack ? slackSign(body) : {}) } };
  }
  const kind = pick(rand, MUTATIONS);
  const mutated = mutate(rand, seed, kind) as Record<string, unknown>;
  if (!slack) return { endpoint: '/api/messages', mutation: kind, body: JSON.stringify(mutated), headers: { 'content-type': 'application/json' } };
  const { body, type } = slackBody(mutated && typeof mutated === 'object' ? mutated : { value: mutated });
  const signing = rand();
  if (signing < 0.15) return { endpoint: '/slack/events', mutation: 'bad-signature', body, headers: { 'content-type': type, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': `v0=${'0'.repeat(64)}` } };
  if (signing < 0.2) return { endpoint: '/slack/events', mutation: 'stale-signature', body, headers: { 'content-type': type, ...slackSign(body, Math.floor(Date.now() / 1000) - 3600) } };
  return { endpoint: '/slack/events', mutation: `signed-${kind}`, body, headers: { 'content-type': type, ...slackSign(body) } };
}

export async function runFuzz(o: { requests?: number; deadlineMs?: number; seed?: number; concurrency?: number; log?: (s: string) => void } = {}): Promise<FuzzFigures> {
  const requests = o.requests ?? 10_000;
  const deadlineMs = o.deadlineMs ?? 600_000;
  const rand = seededRandom(o.seed ?? 14);
  const log = o.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'pl-fuzz-'));
  const connector = await localServer(() => [201, { id: 'posted' }]);
  const slackApi = await localServer((path) => [200, path.includes('users.info') ? { ok: true, user: { id: 'U1', locale: 'en-US', tz: 'Asia/Tokyo' } } : { ok: true, ts: '1700000000.000100', channel: 'D0FUZZ', message: { ts: '1700000000.000100' } }]);
  const started = Date.now();

  // The store before: the sample directory and one pending request (Mei's link with Contoso Distribution Japan).
  const store = await openStore({ dataDir });
  const file = await readDirectoryFile(join(ROOT, 'directory', 'sample-directory.yaml'));
  if (!file.ok) throw new Error(file.errors.join('\n'));
  await store.directory.importDirectory(file.data);
  const service = createService(store, { policy: DomainPolicySchema.parse({}) });
  const mei = await store.directory.getPerson('mei-kobayashi');
  const submitted = mei ? await service.submit({ kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' }, mei, { platform: 'teams' }) : undefined;
  const requestId = submitted && submitted.kind !== 'refused' ? submitted.request.id : 'PL-00000000';
  await store.close();
  const requestsBefore = requestStates(dataDir);

  // Seeds: the recorded payloads, Teams pointed at the local connector and clicking on the pending
  // request as its requester (who may not approve it); Slack as recorded.
  const teamsDir = join(ROOT, 'test', 'teams', 'fixtures');
  const teamsFiles = [...readdirSync(teamsDir).filter((f) => f.endsWith('.json')).map((f) => join(teamsDir, f)), ...readdirSync(join(teamsDir, 'playground')).map((f) => join(teamsDir, 'playground', f))];
  const meiMessage = readJson(join(teamsDir, 'message.personal.json'));
  const teamsSeeds = teamsFiles.map((f) => {
    const a = readJson(f);
    a.serviceUrl = `${connector.url}/apac/`;
    if (a.type === 'invoke') {
      Object.assign(a, { from: meiMessage.from, conversation: meiMessage.conversation, channelData: meiMessage.channelData });
      const data = ((a.value as { action?: { data?: Record<string, unknown> } } | undefined)?.action?.data ?? {}) as Record<string, unknown>;
      data.requestId = requestId;
      data.version = 2;
    }
    return a;
  });
  const slackDir = join(ROOT, 'test', 'slack', 'fixtures');
  const slackSeeds = readdirSync(slackDir).filter((f) => f.endsWith('.json')).map((f) => readJson(join(slackDir, f)));

  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', PLAYGROUND: 'off', PORT: String(port), DATA_DIR: dataDir, SEED_DIRECTORY: 'none', SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-fuzz-0000', SLACK_API_URL: `${slackApi.url}/api/` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the bot exited at start: ${stderr}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (i > 400) throw new Error('the bot was not ready in time');
    await new Promise((r) => setTimeout(r, 150));
  }

  const figures: FuzzFigures = { sent: 0, byEndpoint: {}, statuses: {}, slack500ByMutation: {}, teams500ByMutation: {}, networkErrors: 0, crashed: false, requestsBefore, requestsAfter: [], stateChanged: false, stoppedBy: 'count', ms: 0 };
  const deadline = started + deadlineMs;
  const worker = async () => {
    while (figures.sent < requests) {
      if (Date.now() > deadline) {
        figures.stoppedBy = 'deadline';
        return;
      }
      figures.sent++;
      const shot = makeShot(rand, teamsSeeds, slackSeeds);
      figures.byEndpoint[shot.endpoint] = (figures.byEndpoint[shot.endpoint] ?? 0) + 1;
      try {
        const res = await fetch(`${base}${shot.endpoint}`, { method: 'POST', headers: shot.headers, body: shot.body, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        figures.statuses[res.status] = (figures.statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) {
          const bucket = shot.endpoint === '/slack/events' ? figures.slack500ByMutation : figures.teams500ByMutation;
          bucket[`${res.status} ${shot.mutation}`] = (bucket[`${res.status} ${shot.mutation}`] ?? 0) + 1;
        }
      } catch {
        figures.networkErrors++;
      }
      if (figures.sent % 1000 === 0) log(`${figures.sent} sent: ${JSON.stringify(figures.statuses)}`);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 8 }, worker));

  figures.crashed = child.exitCode !== null || !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false));
  const exited = new Promise((r) => child.once('exit', r));
  if (child.exitCode === null) child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(kill);
  figures.requestsAfter = requestStates(dataDir);
  figures.stateChanged = JSON.stringify(figures.requestsAfter) !== JSON.stringify(requestsBefore);
  figures.ms = Date.now() - started;
  connector.server.close();
  slackApi.server.close();
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}

if (require.main === module) {
  const env = process.env;
  runFuzz({
    ...(env.FUZZ_REQUESTS ? { requests: Number(env.FUZZ_REQUESTS) } : {}),
    ...(env.FUZZ_DEADLINE_MS ? { deadlineMs: Number(env.FUZZ_DEADLINE_MS) } : {}),
    ...(env.FUZZ_SEED ? { seed: Number(env.FUZZ_SEED) } : {}),
    log: (s) => process.stderr.write(`${s}\n`),
  }).then(
    (f) => {
      process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
      process.exit(f.crashed || f.stateChanged || (f.statuses['500'] ?? 0) > 0 || f.networkErrors > 0 ? 1 : 0);
    },
    (e: unknown) => {
      process.stderr.write(`fuzz run failed: ${String((e as Error).stack ?? e)}\n`);
      process.exit(1);
    },
  );
}
