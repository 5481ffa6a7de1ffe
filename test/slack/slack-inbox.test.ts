import type { ProcessedEventPort } from '../../domain';
import { interactionBody } from './support/signed-request';
import { withEvents } from './support/events-port';
import { createSlackHarness, type SlackHarness } from './support/slack-harness';

const idOf = (b: { body: string }) => `slack:event:${(JSON.parse(b.body) as { event_id: string }).event_id}`;

/** A gate the test opens: every write the inbox makes after the claim waits for it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('Slack inbox: record first, acknowledge, then work', () => {
  let h: SlackHarness;
  afterEach(() => h.destroy());

  it('a slow store: the ack arrives before the work is done, and the work still completes (message and click)', async () => {
    const order: string[] = [];
    let g = gate();
    h = await createSlackHarness({
      wrapEvents: (events): ProcessedEventPort => ({
        ...withEvents(events),
        async complete(id, now) {
          await g.opened;
          order.push(`complete ${id.split(':')[1]}`);
          return events.complete(id, now);
        },
      }),
    });
    const body = h.dmBody('yuki', 'hello');
    order.push(`ack ${(await h.send(body)).status}`);
    expect((await h.store.events.get(idOf(body)))?.status).toBe('pending');
    g.open();
    await h.settled();

    g = gate();
    const welcome = h.posted('D06YUKISZ').at(-1)!;
    order.push(`ack ${(await h.send(interactionBody(h.clickPayload('yuki', welcome, '*')))).status}`);
    g.open();
    await h.settled();

    expect(order).toEqual(['ack 200', 'complete event', 'ack 200', 'complete action']);
  });

  it('the store is down: nothing is acknowledged (Slack retries), and the retry is processed once the store is back', async () => {
    let down = true;
    h = await createSlackHarness({
      wrapEvents: (events): ProcessedEventPort => ({
        ...withEvents(events),
        claim: (e, now) => (down ? Promise.reject(new Error('store unavailable')) : events.claim(e, now)),
      }),
    });
    const body = h.dmBody('daniel', 'hello');
    const first = await h.send(body);
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(h.api.called('chat.postMessage')).toEqual([]);

    down = false;
    const retry = await h.send(body, { retryNum: 1 });
    await h.settled();
    expect(retry.status).toBe(200);
    expect(h.posted('D05DANPARK').length).toBeGreaterThan(0);
    expect((await h.store.events.get(idOf(body)))?.status).toBe('done');
  });

  it('a click delivered twice (same trigger_id), once as a retry, is processed once', async () => {
    h = await createSlackHarness();
    await h.dm('daniel', 'hello');
    const card = h.posted('D05DANPARK').at(-1)!;
    const payload = interactionBody(h.clickPayload('daniel', card, '*'));
    const before = h.api.calls.length;
    await h.send(payload);
    await h.settled();
    const once = h.api.calls.length;
    expect(once).toBeGreaterThan(before);
    await h.send(payload, { retryNum: 1 });
    await h.send(payload);
    await h.settled();
    expect(h.api.calls.length).toBe(once);
  });

  it('a processed delivery keeps only its ID; processed deliveries older than a day are forgotten by the store-pruning job', async () => {
    h = await createSlackHarness();
    const body = h.dmBody('daniel', 'hello');
    await h.send(body);
    await h.settled();
    expect(await h.store.events.get(idOf(body))).toMatchObject({ status: 'done', payload: {} }); // the body is not kept
    expect((await h.send(body, { retryNum: 1 })).status).toBe(200); // still a duplicate
    const old = h.dmBody('daniel', 'help');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await h.store.events.claim({ id: idOf(old), source: 'slack', payload: { body: old.body } }, twoDaysAgo);
    await h.store.events.complete(idOf(old), twoDaysAgo);
    await h.runtime.jobs.find((j) => j.name === 'store-pruning')!.run();
    expect(await h.store.events.get(idOf(old))).toBeUndefined();
    expect(await h.store.events.get(idOf(body))).toBeDefined(); // a recent one stays, for duplicates
  });

  it('deliveries a crash left pending are processed at the next start', async () => {
    h = await createSlackHarness();
    const body = h.dmBody('taro', 'hello');
    const inFlight = h.dmBody('taro', 'help');
    // Recorded and acknowledged two minutes ago, then the process died before the work.
    await h.store.events.claim({ id: idOf(body), source: 'slack', payload: { body: body.body } }, new Date(Date.now() - 120_000));
    // Claimed a moment ago, maybe by another instance that is still working on it: left alone.
    await h.store.events.claim({ id: idOf(inFlight), source: 'slack', payload: { body: inFlight.body } }, new Date());
    const dataDir = h.dataDir;
    await h.close();
    h = await createSlackHarness({ dataDir });
    expect(h.posted('D06TAROITO').length).toBe(1);
    expect((await h.store.events.get(idOf(body)))?.status).toBe('done');
    expect((await h.store.events.get(idOf(inFlight)))?.status).toBe('pending');
  });
});
