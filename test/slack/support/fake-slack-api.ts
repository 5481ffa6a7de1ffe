import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the bot made, with its arguments decoded (blocks parsed back from JSON). */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The bot token the call carried (its Authorization: Bearer header). */
  token?: string;
  /** What the fake answered. */
  status?: number;
  result?: Record<string, unknown>;
}

type Failure = { status: number; retryAfter?: number; body?: Record<string, unknown> };

/**
 * A local stand-in for the Slack Web API on 127.0.0.1, reached through SLACK_API_URL the way a real
 * client reaches slack.com/api: records chat.postMessage / chat.update / chat.postEphemeral /
 * users.info calls and answers like Slack does (ts per message, the user's locale). Failures can be
 * queued per method (a 429 with Retry-After, an ok:false error).
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** users.info locale per user ID (unset: en-US). */
  readonly locales = new Map<string, string>();
  /** users.info tz per user ID (unset: Asia/Tokyo). */
  readonly timeZones = new Map<string, string>();
  private readonly failures = new Map<string, Failure[]>();
  private server: Server | undefined;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** The next call(s) to `method` fail like this, once each. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  called(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body: Record<string, unknown> }> {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = decode(await readBody(req), req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const call: SlackCall = { method, args, ...(bearer ? { token: bearer } : {}) };
    this.calls.push(call);
    const answer = this.answer(method, args);
    call.status = answer.status;
    call.result = answer.body;
    return answer;
  }

  private answer(method: string, args: Record<string, unknown>): { status: number; headers?: Record<string, string>; body: Record<string, unknown> } {
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      return {
        status: failure.status,
        ...(failure.retryAfter !== undefined ? { headers: { 'retry-after': String(failure.retryAfter) } } : {}),
        body: failure.body ?? { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' },
      };
    }
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, user_id: 'U0PLBOT', bot_id: 'B0PLBOT', team_id: 'T05TREYRS' } };
      case 'users.info':
        return { status: 200, body: { ok: true, user: { id: args.user, locale: this.locales.get(String(args.user)) ?? 'en-US', tz: this.timeZones.get(String(args.user)) ?? 'Asia/Tokyo' } } };
      case 'chat.postMessage': {
        const ts = `1732400000.${String(++this.seq).padStart(6, '0')}`;
        return { status: 200, body: { ok: true, channel, ts, message: { type: 'message', text: args.text, ts, blocks: args.blocks } } };
      }
      case 'chat.update':
        return { status: 200, body: { ok: true, channel, ts: args.ts, text: args.text } };
      case 'chat.postEphemeral':
        return { status: 200, body: { ok: true, message_ts: `1732400000.${String(++this.seq).padStart(6, '0')}` } };
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8')));
    req.on('end', () => resolve(s));
  });
}

function decode(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v;
  return out;
}
