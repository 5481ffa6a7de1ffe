import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { createApp, listen } from '../../bot/server';

describe('HTTP server', () => {
  it('serves /healthz always and /readyz only while the store answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-server-'));
    const store = await openStore({ dataDir: dir });
    const server: Server = await listen(createApp({ store, logger: createLogger('silent') }), 0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
      await store.close();
      const down = await fetch(`${base}/readyz`);
      expect(down.status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('listening address', () => {
  it('is loopback (127.0.0.1) unless HOST says otherwise', async () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => loadConfig({ HOST: 'http://0.0.0.0/' })).toThrow(/HOST/);
    const dir = mkdtempSync(join(tmpdir(), 'pl-server-'));
    const store = await openStore({ dataDir: dir });
    const server: Server = await listen(createApp({ store, logger: createLogger('silent') }), 0);
    try {
      expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
