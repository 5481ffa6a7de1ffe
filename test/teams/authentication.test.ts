import nock from 'nock';
import { bearer, BOT_APP_ID, BOT_TENANT_ID, channelToken, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './support/bot-framework-fakes';
import { fakeConnector } from './support/connector-fake';
import { teamsFixture } from './support/fixtures';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

/**
 * Bot Framework authentication end to end over HTTP: Microsoft's OpenID metadata and signing keys are
 * served by nock from a key pair made here, so a token signed with it is exactly what the Bot
 * Connector would send; anything else is refused with 401 before the bot sees the activity.
 */
describe('Teams: /api/messages authenticates every request (single-tenant app)', () => {
  const key = newSigningKey();
  let app: TeamsTestApp;
  let connector: ReturnType<typeof fakeConnector>;
  let tokens: ReturnType<typeof serveTokenEndpoint>;

  beforeAll(async () => {
    // botframework-connector prints each refused token to the console; the assertions are on our logs.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveOpenIdMetadata(key);
    tokens = serveTokenEndpoint();
    connector = fakeConnector();
    app = await startTeamsTestApp({ MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: 'test-client-secret-not-real', MicrosoftAppTenantId: BOT_TENANT_ID });
  });
  afterAll(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
    jest.restoreAllMocks();
  });

  const message = () => teamsFixture('message.personal', { text: 'help' });

  it.each([
    ['no Authorization header', () => ({})],
    ['a token signed with another key (same key ID)', () => bearer(channelToken({ key: newSigningKey(key.kid) }))],
    ['an expired token', () => bearer(channelToken({ key, expiresInSeconds: -600 }))],
    ['a token for another bot (wrong audience)', () => bearer(channelToken({ key, audience: '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e' }))],
    ['a token from another issuer', () => bearer(channelToken({ key, issuer: 'https://evil.example.com' }))],
    ['a token for another service URL', () => bearer(channelToken({ key, serviceUrl: 'https://attacker.example.com/' }))],
    ['not a JWT at all', () => ({ authorization: 'Bearer not-a-token' })],
  ])('%s: 401, the bot never runs, nothing is stored or sent', async (_name, headers) => {
    const before = app.footprint();
    const sent = connector.calls.length;
    const res = await app.post(message(), headers());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Unauthorized' });
    expect(app.footprint()).toEqual(before);
    expect(connector.calls.length).toBe(sent);
  });

  it('a valid Bot Connector token: the bot answers through the Bot Connector with its own token', async () => {
    const res = await app.post(message(), bearer(channelToken({ key })));
    expect(res.status).toBe(200);
    const reply = connector.calls.find((c) => c.conversationId === 'a:1pL8mEiKobayashiPersonalChatWithPartnerLinkBot0002');
    expect(reply).toBeDefined();
    expect(reply!.path).toMatch(/^\/apac\/v3\/conversations\/.+\/activities\/1763961164172$/);
    expect(reply!.authorization).toMatch(/^Bearer bot-token-\d+$/);
    // Client credentials at the app's own tenant, for the Bot Connector's audience.
    expect(tokens.grants()[0]).toMatchObject({ grant_type: 'client_credentials', client_id: BOT_APP_ID, scope: 'https://api.botframework.com/.default' });
    // Mei's personal chat is remembered for proactive messages.
    const refs = await app.store.references.listForPerson('mei-kobayashi');
    expect(refs.map((r) => r.platform)).toEqual(['teams']);
  });

  it('never logs the client secret or a bearer token', () => {
    const text = JSON.stringify(app.logs);
    expect(text).not.toContain('test-client-secret-not-real');
    expect(text).not.toMatch(/Bearer [A-Za-z0-9-_]+\.[A-Za-z0-9-_]+\./);
  });
});
