import nock from 'nock';
import { fakeConnector } from './support/connector-fake';
import { teamsFixture } from './support/fixtures';
import { conversationOf, teamsClient } from './support/teams-client';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

const FUJI_TENANT = '718293a4-b5c6-47de-88f9-0a1b2c3d4e56'; // Mei's (message fixture)
const CONTOSO_TENANT = '8a1f6c2e-3b4d-4e5f-9a6b-7c8d9e0f1a21'; // Hiroshi's
const LOCAL_CONNECTOR = 'http://localhost:3979';

/**
 * ALLOWED_TENANT_IDS: activities from other Entra tenants are refused politely before the bot runs,
 * so nothing about them is stored. (Anonymous mode here: the allow-list does not depend on auth,
 * which the authentication suite covers.)
 */
describe('Teams: tenant allow-list', () => {
  let app: TeamsTestApp;
  let connector: ReturnType<typeof fakeConnector>;
  let client: ReturnType<typeof teamsClient>;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    // Anonymous mode posts only to this machine: the recorded activities' Bot Connector address is
    // swapped for a loopback one, where the fake connector answers.
    connector = fakeConnector(LOCAL_CONNECTOR);
    app = await startTeamsTestApp({ ALLOWED_TENANT_IDS: CONTOSO_TENANT.toUpperCase() });
    const post = app.post.bind(app);
    app.post = (body, headers) => post({ ...(body as Record<string, unknown>), serviceUrl: `${LOCAL_CONNECTOR}/apac/` }, headers);
    client = teamsClient(app);
  });
  afterAll(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('a message from another tenant gets a polite refusal in English and Japanese; nothing is stored', async () => {
    const before = app.footprint();
    const res = await client.say('mei', 'I want to link with a distributor');
    expect(res.status).toBe(200);
    expect(app.footprint()).toEqual(before);
    expect(await app.store.references.listForPerson('mei-kobayashi')).toEqual([]);
    const reply = connector.calls.filter((c) => c.conversationId === conversationOf('mei'));
    expect(reply).toHaveLength(1);
    expect(String(reply[0]!.activity.text)).toMatch(/not available to your organization[\s\S]*ご利用いただけません/);
    expect(app.logs.some((l) => l.tenant === FUJI_TENANT)).toBe(true);
  });

  it('a card click (invoke) from another tenant is answered with the refusal and changes nothing', async () => {
    const before = app.footprint();
    const res = await client.execute('mei', { verb: 'approve', requestId: 'PL-AAAAAAAA', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(app.footprint()).toEqual(before);
  });

  it('an activity naming no tenant at all is refused too', async () => {
    const before = app.footprint();
    const activity = teamsFixture('message.personal', { conversation: { id: 'a:no-tenant', conversationType: 'personal' }, channelData: {} });
    expect((await client.send(activity)).status).toBe(200);
    expect(app.footprint()).toEqual(before);
  });

  it('the allowed tenant is served as usual (case does not matter), and its person is remembered', async () => {
    const res = await client.send(teamsFixture('conversation-update.bot-installed'));
    expect(res.status).toBe(200);
    expect((await app.store.references.listForPerson('hiroshi-yamada')).map((r) => r.platform)).toEqual(['teams']);
  });
});
