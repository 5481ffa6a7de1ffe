import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { SlackStash } from '../../adapters/slack/slack-stash';
import { NotificationOutbox, storePruningJob, type LoggerPort, type Notification } from '../../app';
import { INBOX_RETENTION } from '../../bot/composition';
import { newNotice, type PartnerRequest, type ProactiveSenderPort, type StorePort } from '../../domain';
import { submittedRequest } from '../support/request-fixtures';

const silent: LoggerPort = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DAY = 86_400_000;

function notification(n: number): Notification {
  return {
    purpose: `decided:v${n}`,
    requestId: 'PL-7K2M9Q4D',
    ref: { key: 'person:haruka:teams', platform: 'teams', personId: 'haruka', reference: { conversation: { id: 'a:1' } }, updatedAt: new Date(0) },
    message: { text: `decided ${n}`, summary: `decided ${n}` },
  };
}

/** The inbox, the notification outbox's records and the key-value stash no longer share one table. */
describe('inbox sources and the key-value store are kept apart (issue 14 item 2)', () => {
  let dir: string;
  let store: StorePort;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-inbox-sources-'));
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('60 older pending Slack deliveries do not hide a notification whose retry is due', async () => {
    // Notifications now live in each request's own outbox (issue 14 item 1), queried by due time in the
    // store; the Slack inbox is another collection, so no number of deliveries can stand in front of them.
    const now = Date.now();
    for (let i = 0; i < 60; i++) await store.events.claim({ id: `slack:event:Ev${i}`, source: 'slack', payload: { body: '{}' } }, new Date(now - 3_600_000 + i));
    const request = submittedRequest();
    await store.requests.create(request);
    // Recorded ten minutes ago and never sent (the instance died): due again.
    const at = new Date(now - 600_000);
    expect(await store.requests.setNotices(request.id, 0, [newNotice('decided', request.version, at)])).toBe(true);
    const sent: string[] = [];
    const teams: ProactiveSenderPort = {
      platform: 'teams',
      send: async (_ref, message) => {
        sent.push(String(message.text));
        return {};
      },
      update: async () => undefined,
    };
    const resolve = async (r: PartnerRequest): Promise<Notification[]> => [{ ...notification(1), requestId: r.id }];
    const later = new NotificationOutbox(store, new Map([['teams', teams]]), silent, resolve, () => new Date(now));
    expect(await later.retryPending(1)).toBe(1);
    expect(sent).toEqual(['decided 1']);
    expect((await store.events.listDue('slack', new Date(now), 100)).length).toBe(60);
  });

  it('the pruning job forgets done notifications and Slack deliveries after their retention, and expired key-value entries', async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    for (const [id, source, doneAgo] of [
      ['notify:old', 'notify', 8 * DAY],
      ['notify:recent', 'notify', 1 * DAY],
      ['slack:event:old', 'slack', 2 * DAY],
      ['slack:event:recent', 'slack', 60_000],
    ] as const) {
      await store.events.claim({ id, source, payload: { body: 'x'.repeat(4000) } }, ago(doneAgo));
      await store.events.complete(id, ago(doneAgo));
    }
    await store.events.claim({ id: 'slack:event:dead', source: 'slack', payload: {} }, ago(40 * DAY));
    await store.events.markDead('slack:event:dead', ago(31 * DAY), 'failed 5 times');
    await store.events.claim({ id: 'notify:pending', source: 'notify', payload: {} }, ago(30 * DAY));
    await store.keyValues.set('gone', 'v', 60_000, ago(2 * 60_000));
    await store.keyValues.set('kept', 'v', DAY, ago(60_000));

    const removed = await storePruningJob(store, INBOX_RETENTION, silent, () => now).run();
    expect(removed).toMatchObject({ notify: 1, slack: 1, 'slack:dead': 1, 'key-values': 1 });
    for (const gone of ['notify:old', 'slack:event:old', 'slack:event:dead']) expect(await store.events.get(gone)).toBeUndefined();
    for (const kept of ['notify:recent', 'slack:event:recent', 'notify:pending']) expect(await store.events.get(kept)).toBeDefined();
    expect(await store.keyValues.get('kept')).toBe('v');
  });

  it('the Slack stash keeps button payloads in the key-value store (with a time to live), not in the inbox; older inbox entries are still read', async () => {
    const stash = new SlackStash(store.keyValues, store.events);
    const key = stash.stash('{"verb":"approve","requestId":"PL-7K2M9Q4D"}');
    await stash.flush();
    expect(await stash.load(key)).toBe('{"verb":"approve","requestId":"PL-7K2M9Q4D"}');
    expect(await store.events.get(`slack-kv:${key}`)).toBeUndefined();
    expect(await store.events.listDue('slack-kv', new Date(Date.now() + DAY))).toEqual([]);
    // Gone after its time to live.
    expect(await stash.load(key, new Date(Date.now() + 181 * DAY))).toBeUndefined();
    // Stashed by the version before the key-value store: a done inbox record.
    await store.events.claim({ id: 'slack-kv:st1.legacy', source: 'slack-kv', payload: { json: '{"verb":"reject"}' } }, new Date());
    await store.events.complete('slack-kv:st1.legacy', new Date());
    expect(await stash.load('st1.legacy')).toBe('{"verb":"reject"}');
  });
});
