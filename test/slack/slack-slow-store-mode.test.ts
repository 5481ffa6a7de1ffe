import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackAckJournal } from '../../adapters/slack/slack-ack-journal';
import { SlackInboxProcessor } from '../../adapters/slack/slack-inbox.processor';
import type { SlackTurnHandler } from '../../adapters/slack/slack-turn.handler';
import type { ProcessedEventPort } from '../../domain';

const delivery = (n: number) => ({ type: 'event_callback', team_id: 'T0TEST', event_id: `Ev0SLOW${n}`, event: { type: 'message', channel_type: 'im', user: 'U1', text: 'hi', channel: 'D1', ts: `1.${n}` } });

describe('Slack inbox once the store has been slow', () => {
  it('the next deliveries are journaled and acknowledged at once, without waiting out the budget again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-slow-mode-'));
    try {
      const never = new Promise<never>(() => undefined); // the store never answers
      const events = { claim: () => never } as unknown as ProcessedEventPort;
      const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
      const inbox = new SlackInboxProcessor({ events, turns: {} as SlackTurnHandler, allowedTeamIds: [], logger, journal: new SlackAckJournal(dir), ackBudgetMs: 400 });
      const ackedAfter = async (n: number) => {
        const t0 = Date.now();
        let acked = -1;
        void inbox.receive(delivery(n), async () => void (acked = Date.now() - t0));
        while (acked < 0) await new Promise((r) => setTimeout(r, 5));
        return acked;
      };
      expect(await ackedAfter(1)).toBeGreaterThanOrEqual(390); // the first waits for the store, up to the budget
      for (const n of [2, 3, 4]) expect(await ackedAfter(n)).toBeLessThan(200); // then: straight to the journal
      expect(readdirSync(dir)).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an organization check slower than its budget lets the delivery through: recorded, acknowledged, and the turn runs (which checks the person again)', async () => {
    const claimed: string[] = [];
    const events = { claim: async (e: { id: string }) => (claimed.push(e.id), 'new'), complete: async () => undefined } as unknown as ProcessedEventPort;
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const message = jest.fn(async () => undefined);
    const admits = jest.fn(() => new Promise<boolean>(() => undefined)); // the directory never answers
    const inbox = new SlackInboxProcessor({ events, turns: { message } as unknown as SlackTurnHandler, allowedTeamIds: [], logger, admits, admitBudgetMs: 50 });
    let acked = false;
    await inbox.receive(delivery(9), async () => void (acked = true));
    expect(admits).toHaveBeenCalledWith({ teamId: 'T0TEST', userId: 'U1' });
    expect(acked).toBe(true);
    expect(claimed).toEqual(['slack:event:Ev0SLOW9']);
    expect(message).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith({ teamId: 'T0TEST' }, expect.stringContaining('slower than its budget'));
  });
});
