import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../adapters/open-store';
import { createBotRuntime } from '../../../bot/composition';
import { loadConfig, type Config } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import { createApp, listen } from '../../../bot/server';
import { mountTeams, type TeamsMount } from '../../../bot/teams.mount';
import type { StorePort } from '../../../domain';
import { loadSampleDirectory } from '../../support/sample-directory';

export interface TeamsTestApp {
  url: string;
  store: StorePort;
  config: Config;
  teams: TeamsMount;
  /** Every activity posted to /api/messages, as received (for recording fixtures). */
  received: Record<string, unknown>[];
  /** Log lines (parsed pino JSON), for assertions that nothing secret is logged. */
  logs: Record<string, unknown>[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; headers?: Headers }>;
  /** Lines in the store's files a turn could write: references, conversation state, requests. */
  footprint(): Record<string, number>;
  close(): Promise<void>;
}

/** The real HTTP server with Teams mounted, on a free port, over an embedded store with the sample directory. */
export async function startTeamsTestApp(env: Record<string, string> = {}, mountOptions: Parameters<typeof mountTeams>[2] = {}): Promise<TeamsTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pl-teams-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dataDir, SEED_DIRECTORY: 'none', PLAYGROUND: 'off', ...env });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const store = await openStore({ dataDir });
  await store.directory.importDirectory(loadSampleDirectory());
  const runtime = await createBotRuntime(store, config, logger);
  const app = createApp({ store, logger });
  const received: Record<string, unknown>[] = [];
  app.use('/api/messages', express.json({ limit: '1mb' }), (req, _res, next) => {
    // The Playground also probes the endpoint with an empty body when it connects.
    if (req.body && typeof (req.body as { type?: unknown }).type === 'string') received.push(structuredClone(req.body as Record<string, unknown>));
    next();
  });
  const teams = mountTeams(app, { bot: runtime.bot, notifier: runtime.notifier, config, logger, store }, mountOptions);
  const server: Server = await listen(app, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    config,
    teams,
    received,
    logs,
    async post(body, headers = {}) {
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
    },
    footprint() {
      return Object.fromEntries(WRITTEN_BY_TURNS.map((name) => [name, lines(join(dataDir, `${name}.db`))]));
    },
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const WRITTEN_BY_TURNS = ['conversation-references', 'conversation-state', 'requests', 'inbox-events'];

/** nedb appends a line per write, so any write shows up as a new line. */
function lines(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length : 0;
}
