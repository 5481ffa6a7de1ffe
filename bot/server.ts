import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { StorePort } from '../domain';
import type { Logger } from './logger';

export interface HttpDeps {
  store: StorePort;
  logger: Logger;
}

/**
 * The one HTTP server: health endpoints now; the Teams and Slack adapters mount their routes on it.
 * /healthz says the process is alive; /readyz says the store answers (load balancers use both).
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

export function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const server = app.listen(port, () => resolveListen(server));
    server.once('error', reject);
  });
}
