import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessedEventPort } from '../../domain';
import { waitUntil } from '../support/wait';
import { withEvents } from './support/events-port';
import { createSlackHarness, type SlackHarness } from './support/slack-harness';

const idOf = (b: { body: string }) => `slack:event:${(JSON.parse(b.body) as { event_id: string }).event_id}`;
const journalDir = (h: SlackHarness) => join(h.dataDir, 'slack-ack-journal');
const journaled = (h: SlackHarness) => {
  try {
    return readdirSync(journalDir(h)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
};

/** A store whose inbox writes (claims) wait until the test lets them through. */
function slowClaims() {
  let release!: () => void;
  let released = new Promise<void>((r) => (release = r));
  const held = { count: 0 };
  const wrap = (events: ProcessedEventPort): ProcessedEventPort =>
    withEvents(events, {
      claim: async (e, now) => {
        held.count += 1;
        await released;
        return events.claim(e, now);
      },
    });
  return {
    wrap,
    held,
    release: () => release(),
    reset: () => (released = new Promise<void>((r) => (release = r))),
  };
}

describe('Slack acknowledgement when the store is slow: journal, acknowledge, then hand to the store', () => {
  let h: SlackHarness;
  afterEach(() => h.destroy());

  it('acknowledges within the budget while the store is still writing; the delivery is processed once the store answers', async () => {
    const slow = slowClaims();
    h = await createSlackHarness({ wrapEvents: slow.wrap });
    const body = h.dmBody('yuki', 'hello');
    const started = Date.now();
    const res = await h.send(body);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000); // Slack's limit is 3 s; the store has not answered at all
    expect(slow.held.count).toBe(1);
    expect(journaled(h)).toHaveLength(1); // on disk before the 200 went out
    expect(h.posted('D06YUKISZ')).toEqual([]);

    slow.release();
    await h.settled();
    await waitUntil(() => journaled(h).length === 0);
    expect(h.posted('D06YUKISZ')).toHaveLength(1);
    expect((await h.store.events.get(idOf(body)))?.status).toBe('done');
  });

  it('a crash after the acknowledgement, before the store recorded it: the next start processes it exactly once', async () => {
    const slow = slowClaims();
    h = await createSlackHarness({ wrapEvents: slow.wrap });
    const body = h.dmBody('taro', 'hello');
    expect((await h.send(body)).status).toBe(200);
    expect(journaled(h)).toHaveLength(1);
    const dataDir = h.dataDir;
    await h.close(); // the process is gone; the store never saw the delivery
    h = await createSlackHarness({ dataDir });
    expect(h.posted('D06TAROITO')).toHaveLength(1);
    expect((await h.store.events.get(idOf(body)))?.status).toBe('done');
    expect(journaled(h)).toEqual([]);
    // Slack never retries an acknowledged delivery, but if it did, it would not be processed again.
    expect((await h.send(body, { retryNum: 1 })).status).toBe(200);
    await h.settled();
    expect(h.posted('D06TAROITO')).toHaveLength(1);
  });

  it('the store fails after the acknowledgement: the delivery stays in the journal and is replayed once the store is back', async () => {
    let fail = false;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    h = await createSlackHarness({
      wrapEvents: (events) =>
        withEvents(events, {
          claim: async (e, now) => {
            if (fail) {
              await released;
              throw new Error('store unavailable');
            }
            return events.claim(e, now);
          },
        }),
    });
    fail = true;
    const body = h.dmBody('daniel', 'hello');
    expect((await h.send(body)).status).toBe(200);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(journaled(h)).toHaveLength(1);
    expect(await h.slack.inbox.replayJournal()).toBe(0); // still down: kept
    expect(journaled(h)).toHaveLength(1);
    fail = false;
    expect(await h.slack.inbox.replayJournal()).toBe(1);
    await h.settled();
    expect(journaled(h)).toEqual([]);
    expect(h.posted('D05DANPARK')).toHaveLength(1);
  });

  it('a torn journal file (a crash mid-write, so never acknowledged) is skipped and removed', async () => {
    h = await createSlackHarness();
    mkdirSync(journalDir(h), { recursive: true });
    writeFileSync(join(journalDir(h), 'torn.json'), '{"id":"slack:event:Ev1","bo');
    expect(await h.slack.inbox.replayJournal()).toBe(0);
    expect(journaled(h)).toEqual([]);
  });
});
