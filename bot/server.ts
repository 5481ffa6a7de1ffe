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
 * Issue 19: where start-up is. `npm start` listens first and then opens the store and seeds it (which
 * takes a while for a large directory), so that /healthz answers meanwhile, saying how far it got.
 */
export type StartupPhase = 'starting' | 'seeding' | 'ready';

export class Startup {
  phase: StartupPhase = 'starting';
  /** While seeding: records written so far, of how many. */
  progress: { done: number; total: number } | undefined;
  store: StorePort | undefined;

  /** Open for business: the store is open and every route is mounted. */
  ready(store: StorePort): void {
    this.store = store;
    this.progress = undefined;
    this.phase = 'ready';
  }
}

/**
 * The one HTTP server: health endpoints now; the Teams and Slack adapters mount their routes on it.
 * /healthz says the process is alive; /readyz says the store answers (load balancers use both).
 * After the routes are mounted, `finishApp` adds the answers for everything else.
 */
export function createApp({ store }: HttpDeps): Express {
  const startup = new Startup();
  startup.ready(store);
  return createStartingApp(startup);
}

/**
 * The same server before the store is open: /healthz answers 200 with `starting` or `seeding` (and the
 * seed's progress), /readyz and every other path 503 with Retry-After until `startup.ready`, so that
 * the Bot Connector and Slack try their deliveries again later instead of reaching a half-built bot.
 */
export function createStartingApp(startup: Startup): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    if (startup.phase === 'ready') res.json({ status: 'ok' });
    else res.json({ status: startup.phase, ...(startup.progress ? { progress: startup.progress } : {}) });
  });
  app.get('/readyz', async (_req, res) => {
    const store = startup.phase === 'ready' ? startup.store : undefined;
    if (!store) {
      res.status(503).set('Retry-After', '5').json({ status: startup.phase });
      return;
    }
    const ready = await store.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', store: store.kind });
  });
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (startup.phase === 'ready') return next();
    res.status(503).set('Retry-After', '5').json({ error: statusText(503), status: startup.phase });
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
