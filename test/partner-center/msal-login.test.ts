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
import { APP_ACCESS, AUTHORITY, CACHE_KEY, CLIENT, PC_LOGIN_ENV as env, REFRESH, TENANT, USER_ACCESS, nockClientCredentials, nockDeviceCodeLogin, openIdConfiguration } from './ms-login';

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
    const login = nockDeviceCodeLogin();
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

    nockClientCredentials();
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
