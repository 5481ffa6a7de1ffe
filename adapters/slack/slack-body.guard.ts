import type { RequestHandler } from 'express';
import { jsonTextDepth, MAX_BODY_DEPTH } from './slack-body.schema';

/** Far above any Slack request (a click on a full message is tens of KB). */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

/**
 * In front of Bolt on POST /slack/events: reads the body once, refuses one that is too large (413)
 * or nests deeper than any Slack payload (400) before anything parses it, and hands the bytes to
 * Bolt (`req.rawBody`, which its receiver reads instead of the stream) for the signature check.
 */
export function slackBodyGuard(maxBytes = MAX_SLACK_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const refuseDeep = (raw: Buffer) => {
      const text = raw.toString('utf8');
      // Interactivity and commands are form-encoded (the JSON is in `payload`); events are JSON.
      const json = String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded') ? (new URLSearchParams(text).get('payload') ?? '') : text;
      return jsonTextDepth(json) > MAX_BODY_DEPTH;
    };
    // Already read by the server's own bounded reader (bot/http-body.ts): the stream is consumed, so
    // check the bytes it kept instead of waiting for a stream that will not end.
    const already = (req as unknown as { rawBody?: unknown }).rawBody;
    if (Buffer.isBuffer(already)) {
      if (already.length > maxBytes) return void res.status(413).set('Connection', 'close').json({ error: 'request body too large' });
      if (refuseDeep(already)) return void res.status(400).set('Connection', 'close').json({ error: `request body nests deeper than ${MAX_BODY_DEPTH} levels` });
      return next();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const refuse = (status: number, error: string) => {
      done = true;
      res.status(status).set('Connection', 'close').json({ error });
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        refuse(413, 'request body too large');
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (err) => {
      if (!done) {
        done = true;
        next(err);
      }
    });
    req.on('end', () => {
      if (done) return;
      const raw = Buffer.concat(chunks);
      if (refuseDeep(raw)) return refuse(400, `request body nests deeper than ${MAX_BODY_DEPTH} levels`);
      done = true;
      (req as unknown as { rawBody: Buffer }).rawBody = raw;
      next();
    });
  };
}
