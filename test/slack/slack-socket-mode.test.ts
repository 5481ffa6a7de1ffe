import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { createSlackRuntime, singleWorkspaceToken } from '../../adapters/slack';
import { createLogger } from '../../bot/logger';
import type { StorePort } from '../../domain';
import { FakeSlackApi } from './support/fake-slack-api';
import { fixture } from './support/slack-harness';

describe('Slack Socket Mode (SLACK_APP_TOKEN)', () => {
  let store: StorePort;
  let api: FakeSlackApi;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-slack-socket-'));
    store = await openStore({ dataDir: dir });
    api = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await store.close();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('needs no HTTP route or signing secret; an envelope goes through the same inbox: recorded, then acknowledged, once', async () => {
    const order: string[] = [];
    const events = {
      ...store.events,
      claim: async (e: Parameters<StorePort['events']['claim']>[0], now: Date) => {
        order.push('claim');
        return store.events.claim(e, now);
      },
      complete: (id: string, now: Date) => store.events.complete(id, now),
      get: (id: string) => store.events.get(id),
      listDue: (s: string, d: Date, l?: number) => store.events.listDue(s, d, l),
      recordAttempt: (id: string) => store.events.recordAttempt(id),
    };
    const seen: unknown[] = [];
    const bot = { run: jest.fn(async (context: { activity: unknown }) => void seen.push(context.activity)) };
    const runtime = createSlackRuntime({ bot, events, keyValues: store.keyValues, tokens: singleWorkspaceToken('xoxb-0000-test'), appToken: 'xapp-1-test', apiUrl: api.url, allowedTeamIds: [], logger: createLogger('silent') });
    expect(runtime.mode).toBe('socket');
    // What SocketModeReceiver hands the app for each envelope (its ack sends the envelope ack).
    const body = fixture('event-message-im');
    const ack = jest.fn(async () => {
      order.push('ack');
    });
    await runtime.app.processEvent({ body, ack });
    await runtime.app.processEvent({ body, ack, retryNum: 1 });
    expect(order).toEqual(['claim', 'ack', 'claim', 'ack']);
    expect(bot.run).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([expect.objectContaining({ channelId: 'slack', text: 'hello', locale: 'en-US', channelData: { slack: { teamId: 'T06YAMATO', userId: 'U06YUKISZ', channel: 'D06YUKISZ' } }, conversation: expect.objectContaining({ id: 'D06YUKISZ', conversationType: 'im' }) })]);
  });
});
