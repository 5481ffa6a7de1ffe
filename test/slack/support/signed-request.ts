import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';

/** Slack's v0 request signature: HMAC-SHA256 over "v0:<timestamp>:<raw body>" with the signing secret. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  retryNum?: number;
}

export interface SlackHttpResponse {
  status: number;
  body: string;
}

/** POSTs a body to the bot the way Slack does, signed, and returns the HTTP answer (the ack). */
export async function sendSigned(url: string, body: string, contentType: string, o: SendOptions = {}): Promise<SlackHttpResponse> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(body, ts, o.secret),
      ...(o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}

/** Events API requests are JSON. */
export const eventBody = (payload: object) => ({ body: JSON.stringify(payload), type: 'application/json' });
/** Interactivity requests are a form with one field, payload, holding JSON. */
export const interactionBody = (payload: object) => ({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), type: 'application/x-www-form-urlencoded' });
/** Slash commands are a plain form. */
export const commandBody = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' });
