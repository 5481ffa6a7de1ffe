import type { Installation } from '@slack/oauth';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { EmbeddedStore } from '../../../adapters/embedded';
import { MongoStore } from '../../../adapters/mongo';
import { ENV } from '../../support/mongo-server';
import { InstallationSealer, SealedInstallationStore, tokenKeySecret } from '../../../adapters/slack/slack-installation.store';

// The shape of what @slack/oauth's InstallProvider hands storeInstallation after oauth.v2.access
// (node_modules/@slack/oauth/dist/installation.d.ts); the token values are made up.
const BOT_TOKEN = `xoxb-1111-2222-${randomBytes(8).toString('hex')}`;
const USER_TOKEN = `xoxp-1111-3333-${randomBytes(8).toString('hex')}`;
const installation: Installation<'v2', false> = {
  team: { id: 'T0SEAL01', name: 'Sealed Co' },
  enterprise: undefined,
  user: { id: 'U0INSTALLER', token: USER_TOKEN, scopes: ['identify'] },
  bot: { id: 'B0BOT1', userId: 'U0BOTUSER', token: BOT_TOKEN, scopes: ['chat:write', 'im:write'] },
  tokenType: 'bot',
  isEnterpriseInstall: false,
  appId: 'A0APP1',
  authVersion: 'v2',
};
const SECRET = 'a-state-secret-of-enough-length';

describe('Slack installations are sealed at rest (AES-256-GCM, key from the environment)', () => {
  it('the key comes from SLACK_TOKEN_KEY, else SLACK_STATE_SECRET; a short key is refused', () => {
    expect(tokenKeySecret({ SLACK_TOKEN_KEY: 'k'.repeat(20), SLACK_STATE_SECRET: SECRET })).toBe('k'.repeat(20));
    expect(tokenKeySecret({ SLACK_STATE_SECRET: SECRET })).toBe(SECRET);
    expect(tokenKeySecret({})).toBeUndefined();
    expect(() => new InstallationSealer('short')).toThrow(/at least 16/);
  });

  it('embedded store: the data file holds no token in clear text; the installation reads back whole', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pl-seal-'));
    try {
      const store = await EmbeddedStore.open({ dataDir });
      const installs = new SealedInstallationStore(store.slackInstallations, new InstallationSealer(SECRET));
      await installs.storeInstallation(installation);
      expect(await installs.fetchInstallation({ teamId: 'T0SEAL01', enterpriseId: undefined, isEnterpriseInstall: false })).toEqual(installation);
      expect(await installs.botToken('T0SEAL01')).toBe(BOT_TOKEN);
      await store.close();
      const raw = await readFile(join(dataDir, 'slack-installations.db'), 'utf8');
      expect(raw).toContain('T0SEAL01');
      expect(raw).not.toContain(BOT_TOKEN);
      expect(raw).not.toContain(USER_TOKEN);
      // No token prefix outside the ciphertext (random base64url, which may spell "xox" by chance).
      expect(raw.replace(/"sealed":"[^"]*"/g, '"sealed":"…"')).not.toContain('xox');
      // Another key cannot read it, and the error names neither the token nor the key.
      const again = await EmbeddedStore.open({ dataDir });
      const wrong = new SealedInstallationStore(again.slackInstallations, new InstallationSealer('another-secret-of-length'));
      const err = await wrong.fetchInstallation({ teamId: 'T0SEAL01', enterpriseId: undefined, isEnterpriseInstall: false }).catch((e: Error) => e);
      expect(err).toMatchObject({ code: 'INSTALLATION_UNREADABLE' });
      expect(String((err as Error).message)).not.toMatch(/xox|another-secret/);
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('MongoDB store: the stored document holds no token in clear text', async () => {
    const uri = process.env.MONGODB_URI || process.env[ENV.uri];
    if (!uri) {
      if (process.env.CI === 'true') throw new Error('MONGODB_URI is not set: this test needs a MongoDB (or FerretDB) server.');
      console.warn('SKIPPED (no MONGODB_URI): Slack installation sealing on MongoDB');
      return;
    }
    const dbName = `pl_seal_${process.pid}_${randomBytes(3).toString('hex')}`;
    const store = await MongoStore.open({ uri, dbName });
    const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
    try {
      const installs = new SealedInstallationStore(store.slackInstallations, new InstallationSealer(SECRET));
      await installs.storeInstallation(installation);
      expect(await installs.botToken('T0SEAL01')).toBe(BOT_TOKEN);
      const docs = await conn.db!.collection('slack_installations').find({}).toArray();
      expect(docs).toHaveLength(1);
      const raw = JSON.stringify(docs);
      expect(raw).toContain('T0SEAL01');
      expect(raw).not.toContain(BOT_TOKEN);
      // No token prefix outside the ciphertext (random base64url, which may spell "xox" by chance).
      expect(raw.replace(/"sealed":"[^"]*"/g, '"sealed":"…"')).not.toContain('xox');
      await installs.deleteInstallation({ teamId: 'T0SEAL01', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await installs.botToken('T0SEAL01')).toBeUndefined();
    } finally {
      await store.close();
      await conn.dropDatabase();
      await conn.close();
    }
  });

  it('an org-wide Enterprise Grid install answers for every workspace of its organization', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pl-seal-'));
    try {
      const store = await EmbeddedStore.open({ dataDir });
      const installs = new SealedInstallationStore(store.slackInstallations, new InstallationSealer(SECRET));
      const orgWide: Installation<'v2', true> = { ...installation, team: undefined, enterprise: { id: 'E0GRID1', name: 'Grid' }, isEnterpriseInstall: true };
      await installs.storeInstallation(orgWide);
      expect(await installs.botToken('T0ANYWS1', 'E0GRID1')).toBe(BOT_TOKEN);
      expect(await installs.botToken('T0ANYWS1')).toBeUndefined();
      await installs.deleteInstallation({ teamId: undefined, enterpriseId: 'E0GRID1', isEnterpriseInstall: true });
      expect(await installs.botToken('T0ANYWS1', 'E0GRID1')).toBeUndefined();
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
