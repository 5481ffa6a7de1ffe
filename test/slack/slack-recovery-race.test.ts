import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { SlackInboxProcessor } from '../../adapters/slack/slack-inbox.processor';
import type { SlackTurnHandler } from '../../adapters/slack/slack-turn.handler';
import type { StorePort } from '../../domain';

const delivery = (n: number) => ({ type: 'event_callback', team_id: 'T0TEST', event_id: `Ev0ORPHAN${n}`, event: { type: 'message', channel_type: 'im', user: 'U1', text: `hello ${n}`, channel: 'D1', ts: `1.${n}` } });

describe('Slack recovery when two instances start at the same moment', () => {
  let dir: string;
  let store: StorePort;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-recovery-race-'));
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each delivery a crash left pending is processed by exactly one of them', async () => {
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (let n = 1; n <= 5; n++) await store.events.claim({ id: `slack:event:Ev0ORPHAN${n}`, source: 'slack', payload: { body: JSON.stringify(delivery(n)) } }, twoMinutesAgo);
    const handled: string[] = [];
    const instance = () =>
      new SlackInboxProcessor({
        events: store.events,
        turns: { message: async (_origin: unknown, text: string) => void handled.push(text) } as unknown as SlackTurnHandler,
        allowedTeamIds: [],
        logger: { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() },
      });
    const [a, b] = await Promise.all([instance().recover(), instance().recover()]);
    expect(a + b).toBe(5);
    expect(handled.sort()).toEqual(['hello 1', 'hello 2', 'hello 3', 'hello 4', 'hello 5']);
    expect((await store.events.listDue('slack', new Date())).length).toBe(0);
  });
});
