/**
 * The local stand-ins for the platforms' outbound APIs, on 127.0.0.1, in the load generator's process:
 *   /teams/v3/conversations/{id}/activities[/{replyTo}]   Bot Connector (POST, PUT): answers {id}
 *   /slack/api/{method}                                    Slack Web API: ok:true answers
 * They answer at once and record what they need to tell when a turn's reply was delivered.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface Delivery {
  at: number;
  method: string;
  /** Teams conversation ID or Slack channel. */
  where: string;
  /** Slack: ts of the message posted or updated; Teams: the activity ID answered or replaced. */
  id: string;
  body: Json;
}

export class Sinks {
  private server: Server | undefined;
  port = 0;
  private seq = 0;
  readonly counts: Record<string, number> = {};
  /** Waiters keyed by `${method}:${where}` (and `${method}:${where}:${id}`); resolved by the first delivery. */
  private readonly waiters = new Map<string, (d: Delivery) => void>();
  /** Deliveries kept for later lookup (approval cards), only for the `keep` destinations. */
  readonly kept: Delivery[] = [];
  readonly keep = new Set<string>();

  get teamsServiceUrl(): string {
    return `http://127.0.0.1:${this.port}/teams/`;
  }
  get slackApiUrl(): string {
    return `http://127.0.0.1:${this.port}/slack/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      readBody(req).then(
        (raw) => {
          const answer = this.handle(req, raw);
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        },
        () => {
          res.writeHead(400);
          res.end();
        },
      );
    });
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Resolves with the first matching delivery after this call (or rejects after timeoutMs). */
  wait(key: string, timeoutMs = 15_000): Promise<Delivery> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        reject(new Error(`no ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(key, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
    });
  }

  private deliver(d: Delivery): void {
    this.counts[d.method] = (this.counts[d.method] ?? 0) + 1;
    if (this.keep.has(d.where)) this.kept.push(d);
    for (const key of [`${d.method}:${d.where}:${d.id}`, `${d.method}:${d.where}`]) {
      const w = this.waiters.get(key);
      if (w) {
        this.waiters.delete(key);
        w(d);
      }
    }
  }

  private handle(req: IncomingMessage, raw: string): { status: number; body: Json } {
    const url = req.url ?? '';
    const at = performance.now();
    if (url.startsWith('/teams/')) {
      const m = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(url);
      if (!m) return { status: 404, body: { error: 'not a connector route' } };
      const where = decodeURIComponent(m[1]!);
      const method = req.method === 'PUT' ? 'teams.update' : 'teams.post';
      const id = req.method === 'PUT' ? decodeURIComponent(m[2] ?? '') : `act-${++this.seq}`;
      this.deliver({ at, method, where, id, body: this.keep.has(where) ? (JSON.parse(raw || '{}') as Json) : {} });
      return { status: req.method === 'PUT' ? 200 : 201, body: { id } };
    }
    if (url.startsWith('/slack/api/')) {
      const method = url.slice('/slack/api/'.length).split('?')[0] ?? '';
      let args = decode(raw, req.headers['content-type'], false);
      const channel = String(args.channel ?? '');
      if (this.keep.has(channel)) args = decode(raw, req.headers['content-type'], true);
      switch (method) {
        case 'auth.test':
          return { status: 200, body: { ok: true, user_id: 'U0PLBOT', bot_id: 'B0PLBOT', team_id: 'T01SAKURA' } };
        case 'users.info':
          this.deliver({ at, method, where: String(args.user ?? ''), id: '', body: {} });
          return { status: 200, body: { ok: true, user: { id: args.user, locale: 'en-US', tz: 'Asia/Tokyo' } } };
        case 'conversations.open': {
          const users = String(args.users ?? args.user ?? 'U0');
          return { status: 200, body: { ok: true, channel: { id: `D${users.replace(/^U/, '').slice(0, 12)}` } } };
        }
        case 'chat.postMessage': {
          const ts = `1732400000.${String(++this.seq).padStart(6, '0')}`;
          this.deliver({ at, method, where: channel, id: ts, body: this.keep.has(channel) ? args : {} });
          return { status: 200, body: { ok: true, channel, ts } };
        }
        case 'chat.update':
          this.deliver({ at, method, where: channel, id: String(args.ts ?? ''), body: {} });
          return { status: 200, body: { ok: true, channel, ts: args.ts } };
        case 'chat.postEphemeral':
          this.deliver({ at, method, where: channel, id: '', body: {} });
          return { status: 200, body: { ok: true, message_ts: `1732400000.${String(++this.seq).padStart(6, '0')}` } };
        default:
          this.deliver({ at, method, where: channel, id: '', body: {} });
          return { status: 200, body: { ok: true } };
      }
    }
    return { status: 404, body: { error: 'unknown sink route' } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form or JSON arguments; `full` also parses JSON-valued form fields (blocks), which only kept messages need. */
function decode(raw: string, type: string | undefined, full: boolean): Json {
  if (!raw) return {};
  if (type?.includes('json')) return JSON.parse(raw) as Json;
  const out: Json = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = full && /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v;
  return out;
}
