import { ErrorCode } from '@slack/web-api';
import { SlackApiError, toSlackApiError } from '../../adapters/slack';
import { createSlackHarness, type SlackHarness } from './support/slack-harness';

describe('Slack Web API failures', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('429 with Retry-After: the call is retried (bounded) and the reply gets through', async () => {
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    await h.dm('daniel', 'hello');
    const posts = h.api.called('chat.postMessage');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[0]!.args).toEqual(posts[1]!.args); // the same message, sent again
  });

  it('rate-limited beyond the retry budget: the delivery stays pending for a later attempt', async () => {
    h.api.failNext('chat.postMessage', ...Array.from({ length: 3 }, () => ({ status: 429, retryAfter: 0 })));
    h.api.failNext('chat.postEphemeral', ...Array.from({ length: 3 }, () => ({ status: 429, retryAfter: 0 })));
    const body = h.dmBody('daniel', 'hello');
    await h.send(body);
    const id = `slack:event:${(JSON.parse(body.body) as { event_id: string }).event_id}`;
    for (let i = 0; i < 200 && ((await h.store.events.get(id))?.attempts ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(h.api.called('chat.postMessage')).toHaveLength(3); // 1 + 2 retries (the harness's policy)
    expect(await h.store.events.get(id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('a refusal (not_in_channel) becomes a typed error once, and the person is told plainly', async () => {
    h.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await h.mention('taro', 'C06OUTSIDE', 'help');
    expect(h.api.called('chat.postEphemeral').at(-1)!.args).toMatchObject({ channel: 'C06OUTSIDE', user: 'U06TAROITO', text: expect.stringMatching(/Invite me to the channel/) });
  });

  it('the same refusal while a dialog answers (wrapped by botbuilder-dialogs): the person is told, and the delivery is closed', async () => {
    await h.dm('daniel', 'hello');
    // The add-partner dialog posts its form from inside botbuilder-dialogs, which wraps what it throws.
    h.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await h.mention('yuki', 'C06OUTSIDE', 'Add a second partner for Azure'); // fails if the delivery stays pending
    expect(h.api.called('chat.postEphemeral').at(-1)!.args).toMatchObject({ channel: 'C06OUTSIDE', user: 'U06YUKISZ', text: expect.stringMatching(/Invite me to the channel/) });
  });

  it('toSlackApiError maps each @slack/web-api error kind to a code, keeping the cause', () => {
    const platform = Object.assign(new Error('An API error occurred: channel_not_found'), { code: ErrorCode.PlatformError, data: { ok: false, error: 'channel_not_found' } });
    const limited = Object.assign(new Error('rate limited'), { code: ErrorCode.RateLimitedError, retryAfter: 30 });
    const http = Object.assign(new Error('HTTP 502'), { code: ErrorCode.HTTPError, statusCode: 502 });
    const request = Object.assign(new Error('ECONNRESET'), { code: ErrorCode.RequestError });
    expect(toSlackApiError('chat.postMessage', platform)).toMatchObject({ code: 'CHANNEL_NOT_FOUND', slackError: 'channel_not_found', method: 'chat.postMessage', cause: platform, retryable: false });
    expect(toSlackApiError('chat.update', limited)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30, retryable: true });
    expect(toSlackApiError('users.info', http)).toMatchObject({ code: 'HTTP_ERROR', retryable: true });
    expect(toSlackApiError('users.info', request)).toMatchObject({ code: 'UNREACHABLE' });
    const once = toSlackApiError('x', platform);
    expect(toSlackApiError('y', once)).toBe(once);
    expect(once).toBeInstanceOf(SlackApiError);
  });
});
