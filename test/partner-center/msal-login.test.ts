import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { openStore } from '../../adapters/open-store';
import { MsalTokenSource, EncryptedStoreCachePlugin, TOKEN_CACHE_KEY, openCache, parseCacheKey, sealCache } from '../../adapters/partner-center';
import { PartnerCenterError } from '../../app/ports/partner-center.port';
import { runPartnerCenterCommand } from '../../bot/commands/partner-center.command';
import type { StorePort } from '../../domain';

// Microsoft login answers in the shapes of the Microsoft identity platform docs (see fixtures/SOURCES.md).
const AUTHORITY = 'https://login.partner-link.test';
const TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const CLIENT = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CACHE_KEY = Buffer.alloc(32, 7).toString('base64');
const USER_ACCESS = 'eyJ0eXAiOiJKV1QifQ.user-access-token-secret';
const REFRESH = 'refresh-token-secret-0.AAAA';
const APP_ACCESS = 'eyJ0eXAiOiJKV1QifQ.app-access-token-secret';
const USER_OID = '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const idToken = () =>
  `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url({ aud: CLIENT, iss: `${AUTHORITY}/${TENANT}/v2.0`, iat: now(), nbf: now(), exp: now() + 3600, tid: TENANT, oid: USER_OID, preferred_username: 'admin@adatumdist.onmicrosoft.com', name: 'Admin Agent', amr: ['pwd', 'mfa'] })}.`;

function openIdConfiguration() {
  const base = `${AUTHORITY}/${TENANT}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `${base}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
  };
}

const env = { PARTNER_CENTER_CLIENT_ID: CLIENT, PARTNER_CENTER_TENANT_ID: TENANT, PARTNER_CENTER_AUTHORITY_HOST: AUTHORITY, PARTNER_CENTER_CACHE_KEY: CACHE_KEY, PARTNER_CENTER_CLIENT_SECRET: 'client-secret-value-xyz' };

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out.join(''), err: () => err.join('') };
}

let dir: string;
let store: StorePort;
beforeAll(() => nock.disableNetConnect());
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pc-login-'));
  store = await openStore({ dataDir: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('encrypted MSAL cache', () => {
  test('seals with AES-256-GCM and opens only with the same key', () => {
    const key = parseCacheKey(CACHE_KEY);
    const sealed = sealCache(`{"RefreshToken":"${REFRESH}"}`, key);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(REFRESH);
    expect(openCache(sealed, key)).toContain(REFRESH);
    expect(() => openCache(sealed, Buffer.alloc(32, 8))).toThrow(PartnerCenterError);
    expect(() => parseCacheKey('too-short')).toThrow(/32 random bytes/);
  });
});

describe('partner-link partner-center login', () => {
  test('device code sign-in stores the cache encrypted; later app+user tokens come silently from the store', async () => {
    const login = nock(AUTHORITY)
      .get(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      .reply(200, openIdConfiguration())
      .post(`/${TENANT}/oauth2/v2.0/devicecode`, (body) => body.client_id === CLIENT && String(body.scope).includes('https://api.partnercenter.microsoft.com/user_impersonation'))
      .query(true)
      .reply(200, { user_code: 'FGH7JKL9M', device_code: 'device-code-123', verification_uri: 'https://microsoft.com/devicelogin', expires_in: 900, interval: 1, message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FGH7JKL9M to authenticate.' })
      .post(`/${TENANT}/oauth2/v2.0/token`, (body) => body.grant_type === 'device_code' && body.device_code === 'device-code-123')
      .query(true)
      .reply(200, {
        token_type: 'Bearer',
        scope: 'https://api.partnercenter.microsoft.com/user_impersonation',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: USER_ACCESS,
        refresh_token: REFRESH,
        id_token: idToken(),
        client_info: b64url({ uid: USER_OID, utid: TENANT }),
      });
    const t = io();
    const code = await runPartnerCenterCommand(['login'], t.io, env, async () => store);
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    expect(login.isDone()).toBe(true);
    expect(t.out()).toContain('enter the code FGH7JKL9M');
    expect(t.out()).toContain('Signed in to Partner Center as admin@adatumdist.onmicrosoft.com');
    expect(t.out()).not.toContain(USER_ACCESS);
    expect(t.out()).not.toContain('Warning');

    const sealed = await store.keyValues.get(TOKEN_CACHE_KEY);
    expect(sealed).toBeDefined();
    expect(sealed).not.toContain(REFRESH);
    expect(sealed).not.toContain(USER_ACCESS);
    expect(openCache(String(sealed), parseCacheKey(CACHE_KEY))).toContain(REFRESH);

    // A new process: only the store carries the sign-in. The cached access token is still valid.
    const settings = { clientId: CLIENT, tenantId: TENANT, authorityHost: AUTHORITY, clientSecret: env.PARTNER_CENTER_CLIENT_SECRET };
    const tokens = new MsalTokenSource(settings, new EncryptedStoreCachePlugin(store.keyValues, parseCacheKey(CACHE_KEY)));
    nock(AUTHORITY).get(`/${TENANT}/v2.0/.well-known/openid-configuration`).optionally().reply(200, openIdConfiguration());
    await expect(tokens.token('user')).resolves.toBe(USER_ACCESS);

    nock(AUTHORITY)
      .get(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      .optionally()
      .reply(200, openIdConfiguration())
      .post(`/${TENANT}/oauth2/v2.0/token`, (body) => body.grant_type === 'client_credentials' && body.scope === 'https://api.partnercenter.microsoft.com/.default' && body.client_secret === env.PARTNER_CENTER_CLIENT_SECRET)
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: APP_ACCESS });
    await expect(tokens.token('app')).resolves.toBe(APP_ACCESS);
  });

  test('app+user before anyone signed in is SIGN_IN_REQUIRED and names the login command', async () => {
    const tokens = new MsalTokenSource({ clientId: CLIENT, tenantId: TENANT, authorityHost: AUTHORITY }, new EncryptedStoreCachePlugin(store.keyValues, parseCacheKey(CACHE_KEY)));
    await expect(tokens.token('user')).rejects.toMatchObject({ code: 'PARTNER_CENTER_SIGN_IN_REQUIRED', message: expect.stringContaining('partner-link partner-center login') });
  });

  test('a missing cache key is a configuration error that names the variable, not its value', async () => {
    const t = io();
    await expect(runPartnerCenterCommand(['login'], t.io, { ...env, PARTNER_CENTER_CACHE_KEY: 'short' }, async () => store)).rejects.toThrow(/PARTNER_CENTER_CACHE_KEY/);
    expect(await runPartnerCenterCommand(['logout'], t.io, env, async () => store)).toBe(2);
  });
});
