import express from 'express';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { mountSlack } from '../../bot/slack.mount';
import type { Notifier } from '../../app';
import type { PartnerLinkBot } from '../../dialogs/bot/partner-link.bot';
import type { ConversationStatePort, KeyValuePort, ProcessedEventPort } from '../../domain';
import { eventBody } from './support/signed-request';
import { createSlackHarness, fixture, type SlackHarness } from './support/slack-harness';

const slackPending = async (h: SlackHarness) => await h.store.events.listDue('slack', new Date(Date.now() + 1000));

describe('Slack transport: POST /slack/events on our express app', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness();
  });
  afterAll(() => h.destroy());

  it('url_verification: a signed handshake is answered with the challenge', async () => {
    const f = fixture<{ challenge: string }>('url-verification');
    const res = await h.send(eventBody(f));
    expect(res.status).toBe(200);
    expect(res.body).toContain(f.challenge);
  });

  it('a forged signature gets 401 and touches nothing', async () => {
    const before = h.api.calls.length;
    const res = await h.send(h.dmBody('yuki', 'hello'), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    expect(await slackPending(h)).toEqual([]);
    expect(await h.store.events.get('slack:event:Ev08TEST0001')).toBeUndefined();
    expect(h.api.calls.length).toBe(before);
  });

  it('a stale request (timestamp more than 5 minutes old), even correctly signed, gets 401 and touches nothing', async () => {
    const before = h.api.calls.length;
    const body = h.dmBody('yuki', 'hello');
    const res = await h.send(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    const id = `slack:event:${(JSON.parse(body.body) as { event_id: string }).event_id}`;
    expect(await h.store.events.get(id)).toBeUndefined();
    expect(h.api.calls.length).toBe(before);
  });

  it('message.im: recorded, acknowledged, answered in the DM in the language users.info reports (looked up once)', async () => {
    h.api.locales.set('U06YUKISZ', 'ja-JP');
    const res = await h.dm('yuki', 'こんにちは');
    expect(res.status).toBe(200);
    const replies = h.posted('D06YUKISZ');
    expect(replies.length).toBeGreaterThan(0);
    expect(JSON.stringify(replies.at(-1)!.blocks) + replies.at(-1)!.text).toMatch(/[\u3040-\u30ff]/); // Japanese
    expect(h.api.called('users.info')).toEqual([expect.objectContaining({ args: expect.objectContaining({ user: 'U06YUKISZ', include_locale: 'true' }) })]);
    await h.dm('yuki', 'ヘルプ');
    expect(h.api.called('users.info')).toHaveLength(1); // cached
    // The person's DM is remembered for notifications, as a Slack reference.
    expect((await h.store.references.listForPerson('yuki-suzuki')).map((r) => r.platform)).toContain('slack');
  });

  it('a request stamped more than 5 minutes in the future, even correctly signed, gets 401 and touches nothing', async () => {
    const before = h.api.calls.length;
    const body = h.dmBody('yuki', 'hello');
    const res = await h.send(body, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(res.status).toBe(401);
    const id = `slack:event:${(JSON.parse(body.body) as { event_id: string }).event_id}`;
    expect(await h.store.events.get(id)).toBeUndefined();
    expect(h.api.calls.length).toBe(before);
    // A clock a little ahead (within the 5 minutes) is still served.
    expect((await h.send(h.dmBody('yuki', 'hello'), { timestamp: Math.floor(Date.now() / 1000) + 60 })).status).toBe(200);
    await h.settled();
  });

  it('a retried delivery (X-Slack-Retry-Num) and a duplicate event_id are processed once', async () => {
    const body = h.dmBody('taro', 'hello');
    await h.send(body);
    await h.settled();
    const after = h.api.called('chat.postMessage').length;
    const retry = await h.send(body, { retryNum: 1 });
    const again = await h.send(body);
    await h.settled();
    expect([retry.status, again.status]).toEqual([200, 200]);
    expect(h.api.called('chat.postMessage').length).toBe(after);
  });

  it('/partner with no words is help; the command is acknowledged with an empty body', async () => {
    const before = h.posted('D06TAROITO').length;
    const res = await h.command('taro', 'D06TAROITO', '');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(h.posted('D06TAROITO').length).toBeGreaterThan(before);
  });
});

describe('Slack workspace allow-list (ALLOWED_SLACK_TEAM_IDS)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ allowedTeamIds: 'T05TREYRS' });
  });
  afterAll(() => h.destroy());

  it('another workspace is refused: acknowledged, nothing stored, nothing posted; a command is told why', async () => {
    const res = await h.send(h.dmBody('yuki', 'hello'));
    expect(res.status).toBe(200);
    const cmd = await h.send(h.commandBody('yuki', 'D06YUKISZ', 'help'));
    expect(cmd.body).toMatch(/not available in this Slack workspace/);
    expect(await h.store.events.listDue('slack', new Date(Date.now() + 1000))).toEqual([]);
    expect(await h.store.references.listForPerson('yuki-suzuki')).toEqual([]);
    expect(h.api.called('chat.postMessage')).toEqual([]);
  });

  it('an allowed workspace is served', async () => {
    await h.dm('daniel', 'hello');
    expect(h.posted('D05DANPARK').length).toBeGreaterThan(0);
  });
});

describe('Slack off', () => {
  it('without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN nothing is mounted and the rest runs', async () => {
    const app = express();
    const info = jest.fn();
    const logger = Object.assign(createLogger('silent'), { info });
    const mounted = await mountSlack(app, {
      bot: {} as PartnerLinkBot,
      notifier: { register: jest.fn() } as unknown as Notifier,
      config: loadConfig({ SEED_DIRECTORY: 'none' }),
      logger,
      store: { events: {} as ProcessedEventPort, keyValues: {} as KeyValuePort, conversationState: {} as ConversationStatePort },
    });
    expect(mounted).toBeUndefined();
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/Slack is off/));
  });
});
