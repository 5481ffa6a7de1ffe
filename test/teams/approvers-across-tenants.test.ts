import nock from 'nock';
import { buttonData, strings } from '../support/bot-harness';
import { bearer, BOT_APP_ID, BOT_TENANT_ID, channelToken, CONNECTOR, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './support/bot-framework-fakes';
import { fakeConnector, type ConnectorCall } from './support/connector-fake';
import { teamsFixture } from './support/fixtures';
import { conversationOf, PEOPLE, teamsClient } from './support/teams-client';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

const CARD = 'application/vnd.microsoft.card.adaptive';
const cardOf = (c: ConnectorCall | undefined) => (c?.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined)?.find((a) => a.contentType === CARD)?.content;

/** Entra tenants of the sample directory: Contoso Distribution Japan (Hiroshi, Naoki) and Fuji IT Partners (Mei). */
const CONTOSO_TENANT = '8a1f6c2e-3b4d-4e5f-9a6b-7c8d9e0f1a21';
const FUJI_TENANT = '718293a4-b5c6-47de-88f9-0a1b2c3d4e56';
const NAOKI = {
  from: { id: '29:1Nm4oR1moriContosoDistExampleUserId0002', name: 'Naoki Mori', aadObjectId: '22222222-bbbb-4bbb-8bbb-000000000002' },
  conversation: { conversationType: 'personal', tenantId: CONTOSO_TENANT, id: 'a:1Nq2mMoriPersonalChatWithPartnerLinkBot0002' },
  channelData: { tenant: { id: CONTOSO_TENANT } },
};

/**
 * Teams over HTTP with the Bot Connector faked by nock, authenticated as in production: approvers
 * managed in chat (issue 16) in English and Japanese, with the person concerned told proactively; and
 * people of two Entra tenants, where each proactive message goes to a conversation of the other tenant
 * carrying that conversation's tenant.
 */
describe('Teams: approvers in chat, and proactive messages across tenants', () => {
  const key = newSigningKey();
  let app: TeamsTestApp;
  let connector: ReturnType<typeof fakeConnector>;
  let client: ReturnType<typeof teamsClient>;
  let seq = 0;

  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveOpenIdMetadata(key);
    serveTokenEndpoint();
    connector = fakeConnector();
  });
  beforeEach(async () => {
    connector.calls.length = 0;
    app = await startTeamsTestApp({ MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: 'test-client-secret-not-real', MicrosoftAppTenantId: BOT_TENANT_ID });
    client = teamsClient(app, key);
  });
  afterEach(async () => {
    await app.close();
    nock.abortPendingRequests();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    jest.restoreAllMocks();
  });

  const post = (activity: Record<string, unknown>) => app.post({ ...activity, id: `${Date.now()}${++seq}` }, bearer(channelToken({ key })));
  const naokiSays = (text: string, locale = 'en-US') => post(teamsFixture('message.personal', { ...NAOKI, text, locale }));
  /** Hiroshi writes with @mentions: `<at>Name</at>` in the text and one mention entity each, as Teams sends them. */
  const hiroshiSays = (text: string, locale: string, mentions: { id: string; name: string }[]) => {
    const base = teamsFixture('message.personal');
    const entities = [...(base.entities as unknown[]), ...mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }))];
    return post({ ...base, ...PEOPLE.hiroshi, text, locale, entities });
  };
  const callsIn = (conversationId: string) => connector.calls.filter((c) => c.conversationId === conversationId);

  it('an admin makes a colleague an approver by @mention (English) and removes him (Japanese); he is told proactively each time', async () => {
    expect((await naokiSays('hello')).status).toBe(200);
    const naokiChat = NAOKI.conversation.id;
    const before = callsIn(naokiChat).length;

    // Teams' mention entity names Naoki by his Teams user ID (no Entra object ID): found through his chat.
    expect((await hiroshiSays('make <at>Naoki Mori</at> an approver', 'en-US', [{ id: NAOKI.from.id, name: 'Naoki Mori' }])).status).toBe(200);
    expect(strings(cardOf(callsIn(conversationOf('hiroshi')).at(-1)))).toContain('Naoki Mori is now an approver of Contoso Distribution Japan');
    expect((await app.store.directory.getPerson('naoki-mori'))!.roles).toEqual(['requester', 'admin']);
    const told = callsIn(naokiChat).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]!.method).toBe('POST');
    expect(strings(cardOf(told[0]))).toContain('Hiroshi Yamada made you an approver');
    expect(told[0]!.authorization).toMatch(/^Bearer bot-token-/);

    expect((await hiroshiSays('<at>Naoki Mori</at> を承認者から外して', 'ja-JP', [{ id: NAOKI.from.id, name: 'Naoki Mori' }])).status).toBe(200);
    expect(strings(cardOf(callsIn(conversationOf('hiroshi')).at(-1)))).toMatch(/Naoki Mori さんを .+の承認者から外しました/);
    expect((await app.store.directory.getPerson('naoki-mori'))!.roles).toEqual(['requester']);
    expect(strings(cardOf(callsIn(naokiChat).at(-1)))).toContain('removed you as an approver'); // his client is in English
    const audits = app.logs.filter((l) => typeof l.audit === 'string' && String(l.audit).startsWith('approver.')).map((l) => l.audit);
    expect(audits).toEqual(['approver.added', 'approver.removed']);
  });

  it('in a team channel, a mention with only the Teams user ID is completed from the roster (the members API gives the Entra object ID)', async () => {
    const TEAM = '19:contosoPartnerTeam0001@thread.tacv2';
    const CHANNEL = `19:contosoApprovals0001@thread.tacv2;messageid=${Date.now()}`;
    const roster = nock(CONNECTOR)
      .get(`/apac/v3/conversations/${encodeURIComponent(TEAM)}/members/${encodeURIComponent(NAOKI.from.id)}`)
        .reply(200, { id: NAOKI.from.id, name: 'Nao', aadObjectId: NAOKI.from.aadObjectId, objectId: NAOKI.from.aadObjectId, tenantId: CONTOSO_TENANT, userRole: 'user' });
    const base = teamsFixture('message.personal');
    const bot = base.recipient as { id: string; name: string };
    // His Teams display name is a nickname the directory does not have: only the roster can tell who he is.
    const text = `<at>${bot.name}</at> make <at>Nao</at> an approver`;
    const res = await post({
      ...base,
      ...PEOPLE.hiroshi,
      conversation: { conversationType: 'channel', isGroup: true, id: CHANNEL, tenantId: CONTOSO_TENANT },
      channelData: { tenant: { id: CONTOSO_TENANT }, team: { id: TEAM, name: 'Contoso partners' }, channel: { id: '19:contosoApprovals0001@thread.tacv2', name: 'Approvals' } },
      text,
      entities: [
        { type: 'mention', text: `<at>${bot.name}</at>`, mentioned: { id: bot.id, name: bot.name } },
        { type: 'mention', text: '<at>Nao</at>', mentioned: { id: NAOKI.from.id, name: 'Nao' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(roster.isDone()).toBe(true);
    expect((await app.store.directory.getPerson('naoki-mori'))!.roles).toEqual(['requester', 'admin']);
    expect(strings(cardOf(connector.calls.filter((c) => c.conversationId === CHANNEL).at(-1)))).toContain('Naoki Mori is now an approver');
  });

  it('refusals over HTTP: a requester is refused (English), the last admin of an organization stays (Japanese)', async () => {
    await naokiSays('make me an approver');
    expect(strings(cardOf(callsIn(NAOKI.conversation.id).at(-1)))).toContain('Only an admin of your organization can change its approvers');
    await post(teamsFixture('message.personal', { ...PEOPLE.mei, text: '私を承認者から外して', locale: 'ja-JP' }));
    expect(strings(cardOf(callsIn(conversationOf('mei')).at(-1)))).toContain('Mei Kobayashi さんは御社の最後の承認者のため、外せません');
    expect((await app.store.directory.getPerson('mei-kobayashi'))!.roles).toContain('admin');
  });

  it('two tenants: the approval card for Mei\'s request (Fuji tenant) goes to Hiroshi\'s chat in the Contoso tenant, and the decision back to Mei\'s, each call carrying its conversation\'s tenant', async () => {
    expect((await client.send(teamsFixture('conversation-update.bot-installed'))).status).toBe(200); // Hiroshi installs
    await client.say('mei', 'I want to link with a distributor');
    const form = cardOf(callsIn(conversationOf('mei')).at(-1));
    const confirmation = await client.execute('mei', { ...buttonData(form, 'submit_form')!, providerId: 'contoso-distribution-jp' });
    const confirmCard = (confirmation.body as { value: Record<string, unknown> }).value;
    await client.execute('mei', buttonData(confirmCard, 'confirm')!);

    const approval = callsIn(conversationOf('hiroshi')).find((c) => c.method === 'POST' && strings(cardOf(c)).includes('PL-'));
    expect(approval).toBeDefined();
    expect(approval!.activity.conversation).toMatchObject({ id: conversationOf('hiroshi'), tenantId: CONTOSO_TENANT });
    expect(approval!.activity.channelData).toMatchObject({ tenant: { id: CONTOSO_TENANT } });

    const before = callsIn(conversationOf('mei')).length;
    await client.execute('hiroshi', buttonData(cardOf(approval), 'approve')!, approval!.id);
    // The posted approval card is replaced in Hiroshi's chat, in his tenant.
    const update = callsIn(conversationOf('hiroshi')).find((c) => c.method === 'PUT');
    expect(update?.activity.channelData).toMatchObject({ tenant: { id: CONTOSO_TENANT } });
    const toMei = callsIn(conversationOf('mei')).slice(before).find((c) => c.method === 'POST');
    expect(strings(cardOf(toMei))).toMatch(/Approved|承認/);
    expect(toMei!.activity.conversation).toMatchObject({ id: conversationOf('mei'), tenantId: FUJI_TENANT });
    expect(toMei!.activity.channelData).toMatchObject({ tenant: { id: FUJI_TENANT } });
  });
});
