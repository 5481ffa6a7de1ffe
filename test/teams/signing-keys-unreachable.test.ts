import nock from 'nock';
import { bearer, BOT_APP_ID, BOT_TENANT_ID, channelToken, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './support/bot-framework-fakes';
import { fakeConnector } from './support/connector-fake';
import { teamsFixture } from './support/fixtures';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

const LOGIN = 'https://login.botframework.com';
const CONFIG_PATH = '/v1/.well-known/openidconfiguration';
const CREDENTIALS = { MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: 'test-client-secret-not-real', MicrosoftAppTenantId: BOT_TENANT_ID };
const OPENID = { issuer: 'https://api.botframework.com', jwks_uri: `${LOGIN}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] };

/**
 * Microsoft's signing-key metadata failing or never answering: every Teams request is answered (503
 * with Retry-After) instead of hanging, all waiting requests share one fetch, and the failure is
 * logged. When the metadata is back, tokens are checked as usual. No timing is asserted: only that the
 * answers arrive (within the generous jest time-out) and what they say.
 */
describe('Teams: signing-key metadata unreachable', () => {
  const key = newSigningKey();
  let app: TeamsTestApp;
  const message = () => teamsFixture('message.personal', { text: 'help' });
  const valid = () => bearer(channelToken({ key }));

  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveTokenEndpoint();
    fakeConnector();
  });
  afterEach(async () => {
    await app?.close();
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    jest.restoreAllMocks();
  });

  const start = () => startTeamsTestApp(CREDENTIALS, { signingKeys: { timeoutMs: 1_000, retryAfterMs: 60_000 }, authDeadlineMs: 3_000 });
  const refusedForKeys = (res: { status: number; headers?: Headers }) => {
    expect(res.status).toBe(503);
    expect(Number(res.headers?.get('retry-after'))).toBeGreaterThan(0);
  };

  it('metadata answering 500: concurrent requests get 503 with Retry-After, from one fetch, logged once', async () => {
    let fetches = 0;
    nock(LOGIN).persist().get(CONFIG_PATH).reply(() => [500, { error: 'down', n: ++fetches }]);
    app = await start();
    const before = app.footprint();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => app.post(message(), valid())));
    for (const res of answers) refusedForKeys(res);
    // And while the failure is fresh, no new fetch per request.
    refusedForKeys(await app.post(message(), valid()));
    expect(fetches).toBe(1);
    expect(app.footprint()).toEqual(before);
    expect(app.logs.filter((l) => String(l.msg).includes('signing keys could not be fetched'))).toHaveLength(1);
  }, 30_000);

  it('metadata that never answers (a blackhole): requests get 503 instead of hanging, from one fetch', async () => {
    let fetches = 0;
    nock(LOGIN)
      .persist()
      .get(CONFIG_PATH)
      .delay(120_000)
      .reply(() => [200, { ...OPENID, n: ++fetches }]);
    app = await start();
    const answers = await Promise.all([1, 2, 3].map(() => app.post(message(), valid())));
    for (const res of answers) refusedForKeys(res);
    expect(app.logs.some((l) => String(l.reason).includes('no answer from login.botframework.com'))).toBe(true);
    expect(app.logs.filter((l) => String(l.msg).includes('signing keys could not be fetched'))).toHaveLength(1);
  }, 30_000);

  it('keys that answer 500 after the configuration did: 503 too', async () => {
    nock(LOGIN).get(CONFIG_PATH).reply(200, OPENID).get('/v1/.well-known/keys').reply(500);
    app = await start();
    refusedForKeys(await app.post(message(), valid()));
  }, 30_000);

  it('a token naming a key the metadata does not have: 401 without a fetch per request', async () => {
    let fetches = 0;
    nock(LOGIN)
      .persist()
      .get(CONFIG_PATH)
      .reply(() => [200, { ...OPENID, n: ++fetches }])
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [key.jwk] });
    app = await start();
    const stranger = newSigningKey('a-key-nobody-published');
    for (let i = 0; i < 3; i++) expect((await app.post(message(), bearer(channelToken({ key: stranger })))).status).toBe(401);
    expect(fetches).toBe(1);
  }, 30_000);

  it('when the metadata answers again, a valid token is served as usual', async () => {
    serveOpenIdMetadata(key);
    app = await start();
    expect((await app.post(message(), valid())).status).toBe(200);
    expect((await app.post(message(), bearer(channelToken({ key, expiresInSeconds: -600 })))).status).toBe(401);
  }, 30_000);
});
