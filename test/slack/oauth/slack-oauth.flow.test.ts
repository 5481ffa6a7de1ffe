import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { EmbeddedStore } from '../../../adapters/embedded';
import { manifestBotScopes, slackOAuthHandlers, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from '../../../adapters/slack/slack-oauth';
import { InstallationSealer, SealedInstallationStore } from '../../../adapters/slack/slack-installation.store';

// oauth.v2.access and auth.test answers follow https://api.slack.com/methods/oauth.v2.access and
// https://api.slack.com/methods/auth.test (example responses); IDs and tokens are made up.
const WORKSPACES = [
  { team: 'T0AAAAAAA', name: 'Customer Co', user: 'U0CUSTADM', bot: 'xoxb-aaaa-1111-customer', code: 'code-a' },
  { team: 'T0BBBBBBB', name: 'Partner Co', user: 'U0PARTADM', bot: 'xoxb-bbbb-2222-partner', code: 'code-b' },
];

describe('Slack OAuth: GET /slack/install and /slack/oauth_redirect (distributed app)', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  let server: Server;
  let base: string;
  let installs: SealedInstallationStore;
  const scopes = manifestBotScopes(readFileSync(join(__dirname, '../../../manifest/slack/manifest.yml'), 'utf8'));

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    dataDir = await mkdtemp(join(tmpdir(), 'pl-oauth-'));
    store = await EmbeddedStore.open({ dataDir });
    installs = new SealedInstallationStore(store.slackInstallations, new InstallationSealer('state-secret-for-tests-0123'));
    const h = slackOAuthHandlers({ clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests-0123', scopes, installationStore: installs });
    server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === SLACK_INSTALL_PATH) void h.install(req, res);
      else if (path === SLACK_OAUTH_REDIRECT_PATH) void h.redirect(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function startInstall(): Promise<{ state: string; cookie: string; location: URL }> {
    const res = await fetch(`${base}${SLACK_INSTALL_PATH}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { state: location.searchParams.get('state') ?? '', cookie, location };
  }

  it('asks Slack for exactly the manifest bot scopes', async () => {
    const { location, state } = await startInstall();
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')?.split(',')).toEqual(scopes);
    expect(scopes).toContain('chat:write');
    expect(state.length).toBeGreaterThan(10);
  });

  it('two workspaces install, each stored with its own token', async () => {
    for (const w of WORKSPACES) {
      const { state, cookie } = await startInstall();
      const access = nock('https://slack.com')
        .post('/api/oauth.v2.access', (body: Record<string, string>) => body.code === w.code && body.client_id === '111.222')
        .reply(200, { ok: true, access_token: w.bot, token_type: 'bot', scope: scopes.join(','), bot_user_id: 'U0BOT', app_id: 'A0APP', team: { id: w.team, name: w.name }, enterprise: null, is_enterprise_install: false, authed_user: { id: w.user } });
      const authTest = nock('https://slack.com')
        .post('/api/auth.test')
        .matchHeader('authorization', `Bearer ${w.bot}`)
        .reply(200, { ok: true, url: `https://${w.team.toLowerCase()}.slack.com/`, team: w.name, user: 'partnerlink', team_id: w.team, user_id: 'U0BOT', bot_id: 'B0BOT' });
      const res = await fetch(`${base}${SLACK_OAUTH_REDIRECT_PATH}?code=${w.code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(access.isDone()).toBe(true);
      expect(authTest.isDone()).toBe(true);
    }
    expect(await installs.botToken('T0AAAAAAA')).toBe('xoxb-aaaa-1111-customer');
    expect(await installs.botToken('T0BBBBBBB')).toBe('xoxb-bbbb-2222-partner');
    expect(await store.slackInstallations.findByTeam('T0BBBBBBB')).toMatchObject({ installerUserId: 'U0PARTADM' });
  });

  it('a callback whose state was not issued to this browser is refused and nothing is stored', async () => {
    const { state } = await startInstall();
    const access = nock('https://slack.com').post('/api/oauth.v2.access').reply(200, { ok: true, access_token: 'xoxb-evil', team: { id: 'T0EVIL000' } });
    const noCookie = await fetch(`${base}${SLACK_OAUTH_REDIRECT_PATH}?code=x&state=${encodeURIComponent(state)}`);
    expect(noCookie.status).toBe(400);
    const forged = await fetch(`${base}${SLACK_OAUTH_REDIRECT_PATH}?code=x&state=forged`, { headers: { cookie: 'slack-app-oauth-state=forged' } });
    expect(forged.status).toBe(400);
    expect(access.isDone()).toBe(false);
    expect(await store.slackInstallations.findByTeam('T0EVIL000')).toBeUndefined();
    nock.cleanAll();
  });
});
