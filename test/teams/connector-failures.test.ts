import nock from 'nock';
import { strings } from '../support/bot-harness';
import { BOT_APP_ID, BOT_TENANT_ID, CONNECTOR, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './support/bot-framework-fakes';
import { conversationOf, teamsClient } from './support/teams-client';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

/**
 * The Bot Connector answering 429 (with Retry-After) and 503 before it takes a reply: the reply is
 * retried (botbuilder's connector client sits on Azure's HTTP pipeline, whose retry policy covers
 * both) and reaches the person exactly once.
 */
describe('Teams: Bot Connector failures on a reply', () => {
  const key = newSigningKey();
  let app: TeamsTestApp;

  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveOpenIdMetadata(key);
    serveTokenEndpoint();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    jest.restoreAllMocks();
  });
  afterEach(async () => {
    await app?.close();
  });

  it('429 then 503 then 201: the welcome reply is delivered once', async () => {
    const path = new RegExp(`/v3/conversations/${encodeURIComponent(conversationOf('mei')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities`);
    const accepted: unknown[] = [];
    const scope = nock(CONNECTOR)
      .post(path)
      .reply(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '1' })
      .post(path)
      .reply(503, { error: { code: 'ServiceUnavailable' } })
      .post(path)
      .reply(201, (_uri, body) => {
        accepted.push(body);
        return { id: 'posted-1' };
      });
    app = await startTeamsTestApp({ MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: 'test-client-secret-not-real', MicrosoftAppTenantId: BOT_TENANT_ID });
    const client = teamsClient(app, key);
    const res = await client.say('mei', 'hello');
    expect(res.status).toBe(200);
    expect(scope.isDone()).toBe(true); // all three answers were used: two failures, then the retry that got through
    expect(accepted).toHaveLength(1);
    expect(strings(accepted[0])).toContain('Mei Kobayashi');
  }, 60_000);
});
