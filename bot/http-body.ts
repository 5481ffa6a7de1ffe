import { parse as parseQuery } from 'node:querystring';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
// The one counter of JSON nesting read from the text, also used by the Slack adapter's guard.
import { jsonTextDepth } from '../adapters/slack/slack-body.schema';
import { CodedError } from '../domain';
import type { Logger } from './logger';

/** Bigger than any Bot Framework activity or Slack payload the bot takes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Far deeper than any real activity (cards included); deeper JSON is refused before anything walks it. */
export const MAX_JSON_DEPTH = 64;

export type HttpBodyErrorCode = 'BODY_TOO_LARGE' | 'BODY_NOT_JSON' | 'BODY_TOO_DEEP' | 'UNSUPPORTED_MEDIA_TYPE' | 'BODY_ABORTED';

const STATUS: Record<HttpBodyErrorCode, number> = { BODY_TOO_LARGE: 413, BODY_NOT_JSON: 400, BODY_TOO_DEEP: 400, UNSUPPORTED_MEDIA_TYPE: 415, BODY_ABORTED: 400 };

/** A request body the bot does not take; `status` is the answer, the message is safe to send (it never quotes the body). */
export class HttpBodyError extends CodedError<HttpBodyErrorCode> {
  readonly status: number;
  constructor(code: HttpBodyErrorCode, message: string) {
    super(code, message);
    this.status = STATUS[code];
  }
}

/**
 * Reads the body up to `limit` bytes. A declared or actual size over it rejects at once with
 * BODY_TOO_LARGE and stops reading: the answer then closes the connection (see `answerBodyError`), so
 * the rest is never read, let alone kept.
 */
export function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpBodyError('BODY_TOO_LARGE', `The body is larger than ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(new HttpBodyError('BODY_TOO_LARGE', `The body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new HttpBodyError('BODY_ABORTED', 'The body could not be read.'));
    };
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** The media type of the request, lower-case, without parameters. */
function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Parses JSON text the bot takes: valid and at most `maxDepth` deep. */
function parseJson(text: string, maxDepth = Infinity): unknown {
  if (maxDepth !== Infinity && jsonTextDepth(text, maxDepth) > maxDepth) throw new HttpBodyError('BODY_TOO_DEEP', `The JSON is nested more than ${maxDepth} deep.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's message quotes the text: never pass it on.
    throw new HttpBodyError('BODY_NOT_JSON', 'The body is not valid JSON.');
  }
}

/**
 * Answers a refused body with JSON (no internals, nothing of the body) and logs it through the logger.
 * A body too large, or not read to its end, also closes the connection, so nothing more is read.
 */
export function answerBodyError(err: HttpBodyError, req: Request, res: Response, logger: Logger): void {
  logger.warn({ code: err.code, status: err.status, method: req.method, path: req.path, bytes: req.headers['content-length'] }, 'HTTP request body refused');
  if (!req.complete) {
    res.setHeader('Connection', 'close');
    // Node would otherwise read (and drop) the rest of the body until the close is flushed.
    res.once('finish', () => req.socket.destroy());
  }
  res.status(err.status).json({ error: err.message });
}

function handle(logger: Logger, work: (req: Request) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    work(req).then(
      () => next(),
      (err: unknown) => (err instanceof HttpBodyError ? answerBodyError(err, req, res, logger) : next(err)),
    );
  };
}

/**
 * `POST /api/messages`: a Bot Framework activity, JSON only, bounded in size and depth. Sets `req.body`.
 * A body some earlier middleware already parsed (the tests' recorder) is taken as it is.
 */
export function activityBody(logger: Logger): RequestHandler {
  return handle(logger, async (req) => {
    if (req.body !== undefined) return;
    const type = mediaType(req);
    if (type !== 'application/json' && !type.endsWith('+json')) throw new HttpBodyError('UNSUPPORTED_MEDIA_TYPE', 'The body must be JSON (Content-Type: application/json).');
    req.body = parseJson((await readBody(req)).toString('utf8'), MAX_JSON_DEPTH);
  });
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * `POST /slack/events`, in front of Bolt: bounded in size, JSON or a form (events; clicks and slash
 * commands), and well-formed in the way Bolt will parse it (its parser's errors would quote the body
 * into the log). What the payload holds is the Slack adapter's to check. Hands Bolt the bytes as `req.rawBody`, which it reads instead of the stream and
 * checks the signature of.
 */
export function slackBody(logger: Logger): RequestHandler {
  return handle(logger, async (req) => {
    const type = mediaType(req);
    if (type !== 'application/json' && type !== FORM) throw new HttpBodyError('UNSUPPORTED_MEDIA_TYPE', `The body must be JSON or ${FORM}.`);
    const raw = await readBody(req);
    const text = raw.toString('utf8');
    // Bolt parses a form only when the header is exactly the form type, anything else as JSON.
    const parsed = req.headers['content-type'] === FORM ? (typeof parseQuery(text).payload === 'string' ? parseJson(parseQuery(text).payload as string) : {}) : parseJson(text);
    // Every Slack body is an object; Bolt fails (500) on null, an array or a bare value.
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpBodyError('BODY_NOT_JSON', 'The body must be a JSON object.');
    (req as Request & { rawBody?: Buffer }).rawBody = raw;
  });
}

/** Bolt answers a refusal (401, 400, 413) with an empty body; ours are JSON, like every other error answer. */
export function jsonErrorAnswers(): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      if (res.statusCode >= 400 && (body === undefined || body === '')) {
        res.type('application/json');
        return send(JSON.stringify({ error: statusText(res.statusCode) }));
      }
      return send(body);
    }) as Response['send'];
    next();
  };
}

const TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal error', 503: 'Service Unavailable' };
export function statusText(status: number): string {
  return TEXT[status] ?? (status >= 500 ? 'Internal error' : 'Bad Request');
}
