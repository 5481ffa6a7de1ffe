import nock from 'nock';
import type { CloudAdapter } from 'botbuilder';
import { serviceUrlProblem, TeamsProactiveSender } from '../../adapters/teams';
import type { StoredReference } from '../../domain';
import { bearer, BOT_APP_ID, BOT_TENANT_ID, channelToken, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './support/bot-framework-fakes';
import { fakeConnector } from './support/connector-fake';
import { teamsFixture } from './support/fixtures';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

const ATTACKER = 'https://attacker.example.com';

/** Records every request the bot makes to the attacker's host. */
function attackerSink(): { calls: string[] } {
  const calls: string[] = [];
  nock(ATTACKER)
    .persist()
    .post(/.*/)
    .reply(201, (uri) => {
      calls.push(uri);
      return { id: 'stolen' };
    });
  return { calls };
}

describe('serviceUrl: where the bot may post', () => {
  it.each([
    ['https://smba.trafficmanager.net/apac/', false],
    ['https://smba.trafficmanager.net/teams/', false],
    ['https://smba.infra.gcc.teams.microsoft.com/teams', false],
    ['https://smba.infra.gov.teams.microsoft.us/teams', false],
    ['https://smba.infra.dod.teams.microsoft.us/teams', false],
    ['https://webchat.botframework.com/', false],
    ['https://directline.botframework.azure.us/', false],
  ])('authenticated: %s is a Bot Connector address', (url, anonymous) => {
    expect(serviceUrlProblem(url, anonymous)).toBeUndefined();
  });

  it.each([
    'https://attacker.example.com/',
    'http://smba.trafficmanager.net/apac/',
    'https://smba.trafficmanager.net:8443/apac/',
    'https://smba.trafficmanager.net.attacker.example.com/',
    'https://evilbotframework.com/',
    'https://botframework.com.attacker.example.com/',
    'https://user:pw@smba.trafficmanager.net/apac/',
    'http://localhost:3979/',
    'not a url',
    '',
  ])('authenticated: %s is refused', (url) => {
    expect(serviceUrlProblem(url, false)).toEqual(expect.any(String));
  });

  it('authenticated: a missing or non-string serviceUrl is refused', () => {
    expect(serviceUrlProblem(undefined, false)).toEqual(expect.any(String));
    expect(serviceUrlProblem({ href: 'https://smba.trafficmanager.net/' }, false)).toEqual(expect.any(String));
  });

  it.each(['http://localhost:56150/_connector', 'http://127.0.0.1:3979/', 'http://[::1]:3979/', 'https://localhost/'])('anonymous: loopback %s is allowed', (url) => {
    expect(serviceUrlProblem(url, true)).toBeUndefined();
  });

  it.each(['https://smba.trafficmanager.net/apac/', 'https://attacker.example.com/', 'http://10.0.0.5:3979/', 'http://localhost.attacker.example.com/', 'file:///etc/passwd'])(
    'anonymous: %s is refused',
    (url) => {
      expect(serviceUrlProblem(url, true)).toEqual(expect.any(String));
    },
  );

  it('a stored reference to another host is never posted to (proactive send and update)', async () => {
    const continued: unknown[] = [];
    const adapter = { continueConversationAsync: async (...args: unknown[]) => void continued.push(args) } as unknown as CloudAdapter;
    const sender = new TeamsProactiveSender(adapter, BOT_APP_ID);
    const ref = { key: 'k', platform: 'teams', reference: { serviceUrl: `${ATTACKER}/`, conversation: { id: 'c' }, activityId: 'a1' } } as unknown as StoredReference;
    await expect(sender.send(ref, { summary: 's', text: 't' } as never)).rejects.toMatchObject({ code: 'SERVICE_URL_REFUSED' });
    await expect(sender.update(ref, { summary: 's', text: 't' } as never)).rejects.toMatchObject({ code: 'SERVICE_URL_REFUSED' });
    expect(continued).toEqual([]);
  });
});

describe('serviceUrl over HTTP', () => {
  let app: TeamsTestApp;
  let sink: { calls: string[] };
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    sink = attackerSink();
  });
  afterEach(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
    jest.restoreAllMocks();
  });

  it('anonymous: a message claiming to be an admin, with an attacker\'s serviceUrl, gets 400; the admin\'s reference is not touched', async () => {
    const LOCAL = 'http://localhost:3979';
    const local = fakeConnector(LOCAL);
    app = await startTeamsTestApp();
    const hiroshi = teamsFixture('invoke.adaptive-card-action');
    const asHiroshi = { from: hiroshi.from, conversation: hiroshi.conversation, channelData: hiroshi.channelData };
    expect((await app.post(teamsFixture('message.personal', { ...asHiroshi, text: 'help', serviceUrl: `${LOCAL}/apac/` }))).status).toBe(200);
    const refsBefore = await app.store.references.listForPerson('hiroshi-yamada');
    expect(refsBefore.length).toBeGreaterThan(0);
    const before = app.footprint();
    const res = await app.post(teamsFixture('message.personal', { ...asHiroshi, id: 'forged-1', text: 'help', serviceUrl: `${ATTACKER}/` }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/loopback/) });
    expect(app.footprint()).toEqual(before);
    expect(await app.store.references.listForPerson('hiroshi-yamada')).toEqual(refsBefore);
    expect(sink.calls).toEqual([]);
    expect(local.calls.length).toBeGreaterThan(0);
  });

  it('authenticated: a valid token for an attacker\'s serviceUrl gets 400, nothing stored, nothing posted there', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = newSigningKey();
    serveOpenIdMetadata(key);
    serveTokenEndpoint();
    fakeConnector();
    app = await startTeamsTestApp({ MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: 'test-client-secret-not-real', MicrosoftAppTenantId: BOT_TENANT_ID });
    const before = app.footprint();
    const res = await app.post(teamsFixture('message.personal', { text: 'help', serviceUrl: `${ATTACKER}/` }), bearer(channelToken({ key, serviceUrl: `${ATTACKER}/` })));
    expect(res.status).toBe(400);
    expect(app.footprint()).toEqual(before);
    expect(sink.calls).toEqual([]);
  });
});
