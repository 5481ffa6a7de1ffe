import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import { errorCode, type StorePort } from '../domain';
import { statusText } from './http-body';
import type { Logger } from './logger';

export interface HttpDeps {
  store: StorePort;
  logger: Logger;
}

/**
 * The one HTTP server: health endpoints now; the Teams and Slack adapters mount their routes on it.
 * /healthz says the process is alive; /readyz says the store answers (load balancers use both).
 * After the routes are mounted, `finishApp` adds the answers for everything else.
 */
export function createApp({ store }: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await store.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', store: store.kind });
  });
  return app;
}

/**
 * The last handlers, after every route: an unknown path is a JSON 404, and an error any route passed on
 * is logged through the logger (never the body) and answered with JSON that names no internals (no
 * stack, no path, no message of ours). Without them Express would answer with its HTML page, the stack
 * and the absolute paths in it, and print the stack and the body's text to stderr.
 */
export function finishApp(app: Express, logger: Logger): void {
  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: statusText(404) });
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const declared = (err as { status?: unknown; statusCode?: unknown } | undefined)?.status ?? (err as { statusCode?: unknown } | undefined)?.statusCode;
    const status = typeof declared === 'number' && declared >= 400 && declared < 600 ? declared : 500;
    const where = { method: req.method, path: req.path, status };
    if (res.headersSent) {
      logger.error({ ...where, code: errorCode(err) }, 'HTTP request failed after its answer began; connection closed');
      req.socket.destroy();
      return;
    }
    if (status >= 500) {
      const correlationId = randomUUID();
      logger.error({ ...where, correlationId, err: loggableError(err) }, 'HTTP request failed');
      res.status(status).json({ error: statusText(status), correlationId });
      return;
    }
    // A client's mistake Express or a parser found (a bad URL encoding, say): its name and code only,
    // since such messages may quote what the client sent.
    logger.warn({ ...where, error: (err as Error | undefined)?.name, code: errorCode(err) ?? (err as { type?: unknown } | undefined)?.type }, 'HTTP request refused');
    res.status(status).json({ error: statusText(status) });
  });
}

/** An error for the log: name, code, message and stack, and nothing it carries (request, headers, body). */
function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { name: 'NonError' };
  return { name: err.name, message: err.message.slice(0, 500), ...(errorCode(err) ? { code: errorCode(err) } : {}), ...(err.stack ? { stack: err.stack } : {}) };
}

/** Listens on `host` (127.0.0.1 unless configured: see HOST) and `port`. */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    // Express 5 hands a listen error to the callback as well as emitting it.
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolveListen(server)));
  });
}
