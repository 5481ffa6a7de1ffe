import nock from 'nock';
import { RequestContendedError } from '../../domain';
import { buttonData, strings } from '../support/bot-harness';
import { BOT_APP_ID, BOT_TENANT_ID, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './support/bot-framework-fakes';
import { fakeConnector, type ConnectorCall } from './support/connector-fake';
import { teamsFixture } from './support/fixtures';
import { conversationOf, teamsClient } from './support/teams-client';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

const CARD = 'application/vnd.microsoft.card.adaptive';
/** The card an Action.Execute invoke was answered with (it replaces the clicked card). */
function answerCard(res: { body: unknown }): Record<string, unknown> {
  const body = res.body as { statusCode?: number; type?: string; value?: Record<string, unknown> };
  expect(body).toMatchObject({ statusCode: 200, type: CARD });
  return body.value!;
}
const cardOf = (c: ConnectorCall | undefined) => (c?.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined)?.find((a) => a.contentType === CARD)?.content;

/**
 * A link request through Teams over HTTP, with the Bot Connector faked by nock: replies, the
 * proactive approval card, the invoke answered with the updated card, the posted card replaced, the
 * requester told. Authenticated as in production (tokens in, tokens out).
 */
describe('Teams: requests and approvals through the Bot Connector', () => {
  const key = newSigningKey();
  let app: TeamsTestApp;
  let connector: ReturnType<typeof fakeConnector>;
  let client: ReturnType<typeof teamsClient>;

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

  const callsTo = (who: 'mei' | 'hiroshi') => connector.calls.filter((c) => c.conversationId === conversationOf(who));

  /** Hiroshi installs the app; Mei asks to link with Contoso Distribution Japan and confirms. */
  async function fileLinkRequest(): Promise<{ requestId: string; approval: ConnectorCall }> {
    expect((await client.send(teamsFixture('conversation-update.bot-installed'))).status).toBe(200);
    expect(strings(cardOf(callsTo('hiroshi').at(-1)))).toContain('Hiroshi Yamada'); // the welcome card

    expect((await client.say('mei', 'I want to link with a distributor')).status).toBe(200);
    const form = cardOf(callsTo('mei').at(-1));
    expect(strings(form)).toContain('Contoso Distribution Japan');
    const submitForm = buttonData(form, 'submit_form')!;
    const formAnswer = await client.execute('mei', { ...submitForm, providerId: 'contoso-distribution-jp' });
    expect(formAnswer.status).toBe(200);
    // Universal Actions: the confirmation replaces the form (the invoke's answer), nothing posted below.
    const confirmation = answerCard(formAnswer);
    const confirm = buttonData(confirmation, 'confirm')!;
    const sent = await client.execute('mei', confirm);
    expect(sent.status).toBe(200);
    const requestId = /PL-[0-9A-Z]{8}/.exec(strings(answerCard(sent)))?.[0];
    expect(requestId).toBeDefined();

    // The approval card reaches Hiroshi proactively: a new activity in his chat, not a reply.
    const approval = callsTo('hiroshi').find((c) => c.method === 'POST' && strings(cardOf(c)).includes(requestId!));
    expect(approval).toBeDefined();
    expect(approval!.path).toBe(`/apac/v3/conversations/${encodeURIComponent(conversationOf('hiroshi'))}/activities`);
    expect(approval!.authorization).toMatch(/^Bearer bot-token-/);
    expect(approval!.activity.summary).toEqual(expect.any(String));
    return { requestId: requestId!, approval: approval! };
  }

  it('Action.Execute: the invoke is answered with the decided card; the posted card is replaced; Mei is told', async () => {
    const { requestId, approval } = await fileLinkRequest();
    const postedId = approval.id;
    const before = connector.calls.length;

    const res = await client.execute('hiroshi', buttonData(cardOf(approval), 'approve')!, postedId);
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: unknown };
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    // Hiroshi's Teams client reports en-US, but the directory's language for him is Japanese: the
    // one language rule (issue 18) draws his card in Japanese, clicked or not.
    expect(strings(body.value)).toMatch(/申請は承認されました/);
    expect((await app.store.requests.get(requestId))?.status).toBe('approved');

    const after = connector.calls.slice(before);
    const update = after.find((c) => c.method === 'PUT');
    expect(update?.path).toBe(`/apac/v3/conversations/${encodeURIComponent(conversationOf('hiroshi'))}/activities/${postedId}`);
    expect(strings(cardOf(update))).toContain('Hiroshi Yamada');
    const toMei = after.find((c) => c.conversationId === conversationOf('mei'));
    expect(strings(cardOf(toMei))).toContain(requestId);
    // No second card under the clicked one in Hiroshi's chat.
    expect(after.filter((c) => c.method === 'POST' && c.conversationId === conversationOf('hiroshi'))).toHaveLength(0);
  });

  it('Action.Submit fallback: a click arriving as a message with replyToId replaces that card instead of posting a new one', async () => {
    const { requestId, approval } = await fileLinkRequest();
    const postedId = approval.id;
    const before = connector.calls.length;

    const res = await client.submit('hiroshi', buttonData(cardOf(approval), 'approve')!, postedId);
    expect(res.status).toBe(200);
    expect((await app.store.requests.get(requestId))?.status).toBe('approved');
    const inHiroshisChat = connector.calls.slice(before).filter((c) => c.conversationId === conversationOf('hiroshi'));
    expect(inHiroshisChat.every((c) => c.method === 'PUT')).toBe(true);
    const replaced = inHiroshisChat.filter((c) => c.path.endsWith(`/activities/${postedId}`));
    expect(replaced.length).toBeGreaterThanOrEqual(1);
    expect(strings(cardOf(replaced.at(-1)))).toMatch(/申請は承認されました/); // the directory's language (issue 18)
  });

  it('a turn that fails tells the user with the error card and a correlation ID, and logs no secrets', async () => {
    const broken = jest.spyOn(app.store.directory, 'findPersonByIdentity').mockRejectedValueOnce(new Error('store is down'));
    const res = await client.say('mei', 'help');
    broken.mockRestore();
    expect(res.status).toBe(200);
    const card = cardOf(callsTo('mei').at(-1));
    const failure = app.logs.find((l) => l.msg === 'Teams turn failed') as { correlationId: string } | undefined;
    expect(failure).toBeDefined();
    expect(strings(card)).toContain(failure!.correlationId.slice(0, 8));
    expect(JSON.stringify(app.logs)).not.toContain('test-client-secret-not-real');
  });

  it('a coded error thrown inside a dialog is logged with its code and as the inner error, through botbuilder-dialogs\' wrapper', async () => {
    const contended = new RequestContendedError('PL-TEST0001', 5);
    const broken = jest.spyOn(app.store.requests, 'findOpenByKeys').mockRejectedValueOnce(contended);
    const res = await client.say('mei', 'link with a distributor please');
    broken.mockRestore();
    expect(res.status).toBe(200);
    const failure = app.logs.find((l) => l.msg === 'Teams turn failed') as { err: { name: string; code?: string; inner?: { name: string; message: string } } } | undefined;
    expect(failure?.err).toMatchObject({ name: 'DialogContextError', code: 'REQUEST_CONTENDED', inner: { name: 'RequestContendedError', message: contended.message } });
    expect(strings(cardOf(callsTo('mei').at(-1)))).toMatch(/Something went wrong/); // the person's text is unchanged
  });
});
