import express from 'express';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { EmbeddedStore } from '../../../adapters/embedded';
import { mountSlackOAuth } from '../../../bot/slack-oauth.mount';

describe('mountSlackOAuth: install routes only when the OAuth variables are set', () => {
  it('off without SLACK_CLIENT_ID/SECRET/STATE_SECRET; on with them (redirects to Slack)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pl-oauth-mount-'));
    const store = await EmbeddedStore.open({ dataDir });
    const logger = pino({ level: 'silent' });
    try {
      expect(mountSlackOAuth(express(), { config: {}, store, logger })).toBeUndefined();
      const app = express();
      const on = mountSlackOAuth(app, { config: { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'state-secret-0123456789' }, store, logger });
      expect(on).toBeDefined();
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/install`, { redirect: 'manual' });
      server.close();
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?.*scope=app_mentions%3Aread/);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
