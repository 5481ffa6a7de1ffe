import nock from 'nock';
import { last, textOf, createSlackHarness, fixture, type SlackHarness } from './support/slack-harness';
import { eventBody } from './support/signed-request';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

// oauth.v2.access answers follow the example response of https://api.slack.com/methods/oauth.v2.access;
// the IDs are the sample directory's workspaces, the tokens are made up (one per workspace).
const CUSTOMER = { team: 'T06YAMATO', name: 'Yamato Manufacturing', installer: 'U06TAROITO', token: 'xoxb-6666-yamato-customer', code: 'code-yamato' };
const PARTNER = { team: 'T05TREYRS', name: 'Trey Research', installer: 'U05DANPARK', token: 'xoxb-5555-trey-partner', code: 'code-trey' };
const TOKEN_OF: Record<string, string> = { [CUSTOMER.team]: CUSTOMER.token, [PARTNER.team]: PARTNER.token };

/** The workspace a Web API call acts in, from what it names: a D05…/U05… is Trey Research's, a D06…/C06…/U06… Yamato's. */
function workspaceOfCall(args: Record<string, unknown>): string {
  const id = String(args.channel ?? args.user ?? '');
  if (/^[DCU]05/.test(id)) return PARTNER.team;
  if (/^[DCU]06/.test(id)) return CUSTOMER.team;
  throw new Error(`a call to an unexpected place: ${id}`);
}

/** Installs the app in one workspace through GET /slack/install and /slack/oauth_redirect; Slack's side is nock. */
async function install(h: SlackHarness, w: typeof CUSTOMER): Promise<string> {
  const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const access = nock('https://slack.com')
    .post('/api/oauth.v2.access', (body: Record<string, string>) => body.code === w.code)
    .reply(200, { ok: true, access_token: w.token, token_type: 'bot', scope: 'chat:write,im:history,users:read', bot_user_id: 'U0PLBOT', app_id: 'A0PLAPP', team: { id: w.team, name: w.name }, enterprise: null, is_enterprise_install: false, authed_user: { id: w.installer } });
  const authTest = nock('https://slack.com')
    .post('/api/auth.test')
    .matchHeader('authorization', `Bearer ${w.token}`)
    .reply(200, { ok: true, url: `https://${w.team.toLowerCase()}.slack.com/`, team: w.name, user: 'partnerlink', team_id: w.team, user_id: 'U0PLBOT', bot_id: 'B0PLBOT' });
  const done = await fetch(`${h.base}/slack/oauth_redirect?code=${w.code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  expect(access.isDone() && authTest.isDone()).toBe(true);
  const page = await done.text();
  expect({ status: done.status, page }).toMatchObject({ status: 200 });
  return page;
}

/**
 * The distributed app (issue 16, done when): a customer in Slack workspace A (Yamato Manufacturing)
 * and its new partner's admin in workspace B (Trey Research), each workspace installed through the
 * OAuth flow with its own token, complete an add-partner request. Every Web API call is checked to
 * carry the token of the workspace it acts in (the Authorization header the local Web API received).
 */
describe('Slack distributed app: two workspaces, each answered with its own token', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    h = await createSlackHarness({ oauth: true });
  });
  afterEach(async () => {
    await h.destroy();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('a customer in workspace A adds a partner whose admin approves in workspace B; every call carries its own workspace token', async () => {
    await install(h, CUSTOMER);
    await install(h, PARTNER);

    await h.dm('daniel', 'hello');
    await h.dm('taro', 'hi there');
    // Yuki's directory language is Japanese (issue 18's rule: notices follow it): she asks for English.
    await h.dm('yuki', 'in English');
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    // The approval DM in workspace B, posted with B's token.
    const card1 = last(h.posted('D05DANPARK'));
    expect(textOf(card1)).toContain(requestId);
    const dm = h.api.called('chat.postMessage').find((c) => c.args.channel === 'D05DANPARK' && c.result?.ts === card1.ts);
    expect(dm?.token).toBe(PARTNER.token);

    await h.click('daniel', card1, 'approve');
    const update = h.api.called('chat.update').find((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card1.ts);
    expect(update?.token).toBe(PARTNER.token);

    const card2 = last(h.posted('D06TAROITO'));
    await h.click('taro', card2, 'approve');
    expect((await h.store.requests.get(requestId))?.status).toBe('approved');

    // The requester's notification in workspace A, with A's token.
    const decision = last(h.shown('D06YUKISZ'));
    expect(textOf(decision)).toContain('Request approved');
    const told = h.api.called('chat.postMessage').find((c) => c.result?.ts === decision.ts && c.args.channel === 'D06YUKISZ');
    expect(told?.token).toBe(CUSTOMER.token);

    // Every call, of every kind, carried the token of its own workspace; none went without one.
    expect(h.api.calls.length).toBeGreaterThan(10);
    expect(new Set(h.api.calls.map((c) => c.method))).toEqual(new Set(['users.info', 'chat.postMessage', 'chat.update']));
    for (const c of h.api.calls) expect({ method: c.method, token: c.token }).toEqual({ method: c.method, token: TOKEN_OF[workspaceOfCall(c.args)] });
    expect(h.api.called('users.info').filter((c) => c.args.user === 'U05DANPARK').every((c) => c.token === PARTNER.token)).toBe(true);
  });

  it('installing in a workspace no organization names shows a clear page in English and Japanese; the install is kept unbound and its people are refused at the edge', async () => {
    const page = await install(h, { team: 'T09NOBODY', name: 'Nobody Inc', installer: 'U09STRANGER', token: 'xoxb-9999-nobody', code: 'code-nobody' });
    expect(page).toContain('does not belong to any organization');
    expect(page).toContain('どの組織にも属していない');
    expect(await h.store.slackInstallations.findByTeam('T09NOBODY')).toBeDefined();
    // Someone there writes to the bot: told politely, with that workspace's own token; nothing is stored.
    const im = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-message-im');
    const ack = await h.send(eventBody({ ...im, team_id: 'T09NOBODY', event_id: 'Ev09NOBODY01', event: { ...im.event, user: 'U09STRANGER', team: 'T09NOBODY', channel: 'D09STRANGER' } }));
    expect(ack.status).toBe(200);
    // The refusal is posted after the acknowledgement: wait for it to reach the local Web API.
    const refusalCall = () => h.api.called('chat.postMessage').find((c) => c.args.channel === 'D09STRANGER');
    for (let i = 0; i < 200 && !refusalCall(); i++) await new Promise((r) => setTimeout(r, 10));
    const refusal = refusalCall();
    expect(refusal?.token).toBe('xoxb-9999-nobody');
    expect(String(refusal?.args.text)).toContain('not available to your organization');
    expect(String(refusal?.args.text)).toContain('ご利用いただけません');
    expect(await h.store.events.get('slack:event:Ev09NOBODY01')).toBeUndefined();
    expect(await h.store.directory.findPersonByIdentity({ platform: 'slack', teamId: 'T09NOBODY', userId: 'U09STRANGER' })).toBeUndefined();
    const named = await install(h, CUSTOMER);
    expect(named).toContain('is installed in your Slack workspace');
  });

  it('after app_uninstalled in workspace B, nothing is sent there with any token; the approval waits in the outbox', async () => {
    await install(h, CUSTOMER);
    await install(h, PARTNER);
    await h.dm('daniel', 'hello');

    // Slack's app_uninstalled event (payload as in https://api.slack.com/events/app_uninstalled; see fixtures/SOURCES.md).
    const removed = fixture<Record<string, unknown>>('event-app-uninstalled');
    const ack = await h.send(eventBody({ ...removed, team_id: PARTNER.team }));
    expect(ack.status).toBe(200);
    await h.settled();
    expect(await h.store.slackInstallations.findByTeam(PARTNER.team)).toBeUndefined();
    expect(await h.store.slackInstallations.findByTeam(CUSTOMER.team)).toBeDefined();

    const before = h.api.calls.length;
    // Yuki's directory language is Japanese (issue 18's rule: notices follow it): she asks for English.
    await h.dm('yuki', 'in English');
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    const after = h.api.calls.slice(before);
    expect(after.some((c) => workspaceOfCall(c.args) === PARTNER.team)).toBe(false);
    expect(after.every((c) => c.token === CUSTOMER.token)).toBe(true);
    // The approval DM to Daniel is kept for a retry, not lost.
    const box = await h.store.requests.getNotices(requestId);
    expect(box?.notices.length).toBeGreaterThan(0);

    // Daniel writes from B meanwhile: no token there, so nothing is sent with any other; the delivery is closed at once (not retried).
    const calls = h.api.calls.length;
    const dm = h.dmBody('daniel', 'hello again');
    await h.send(dm);
    await h.settled();
    expect(h.api.calls.slice(calls).some((c) => workspaceOfCall(c.args) === PARTNER.team)).toBe(false);
    const id = `slack:event:${String((JSON.parse(dm.body) as { event_id: string }).event_id)}`;
    expect(await h.store.events.get(id)).toMatchObject({ status: 'done', attempts: 0 });
  });
});
