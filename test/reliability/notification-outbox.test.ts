import { StoreError } from '../../adapters/store-common';
import type { StorePort } from '../../domain';
import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

/** Makes the next write of a notification record fail once, whichever store call records it. */
function failNextNotificationWrite(store: StorePort): { failed: () => number } {
  let failed = 0;
  const boom = () => {
    failed++;
    return new StoreError('TRANSITION_INVALID', 'injected: the notification record could not be written');
  };
  const requests = store.requests as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const setNotices = requests.setNotices?.bind(store.requests);
  if (setNotices) {
    let armed = true;
    requests.setNotices = async (...args: unknown[]) => {
      if (armed) {
        armed = false;
        throw boom();
      }
      return setNotices(...args);
    };
  }
  // Where a notification was recorded before it lived in the request document (the shared events table).
  const events = store.events as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const claim = events.claim?.bind(store.events);
  if (claim) {
    let armed = true;
    events.claim = async (...args: unknown[]) => {
      const [event] = args as [{ source?: string }];
      if (armed && event.source === 'notify') {
        armed = false;
        throw boom();
      }
      return claim(...args);
    };
  }
  return { failed: () => failed };
}

describe('notifications are kept and retried, never lost, never sent twice', () => {
  let h: BotHarness;
  const realNow = Date.now;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(async () => {
    Date.now = realNow;
    jest.useRealTimers();
    await h.destroy();
  });

  const retryLoop = () => {
    const job = h.jobs.find((j) => j.name === 'notification-retry');
    if (!job) throw new Error('no notification-retry job');
    return job.run();
  };
  const toPerson = (personId: string) => h.delivered.filter((d) => d.to === personId);

  async function file() {
    await h.say('hiroshi-yamada', 'hello', 'en-US');
    await h.say('mei-kobayashi', 'hello', 'en-US');
    const confirmation = (await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
    const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
    return /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
  }

  it('the Bot Connector fails (503): the approval card is kept, retried later, and delivered exactly once', async () => {
    h.senders.teams.failures = 2;
    const id = await file();
    expect(toPerson('hiroshi-yamada')).toHaveLength(0); // not delivered yet, but kept in the request's outbox:
    const kept = (await h.store.requests.getNotices(id))!.notices;
    expect(kept.map((n) => [n.key, n.attempts])).toEqual([['approval:v2', 1]]);

    jest.useFakeTimers({ now: Date.now() + 31_000, doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask', 'setInterval'] });
    expect(await h.notifier.retryPending()).toBe(0); // the second attempt fails too
    jest.setSystemTime(Date.now() + 61_000);
    expect(await h.notifier.retryPending()).toBe(1);
    expect(await h.notifier.retryPending()).toBe(0); // nothing left to send
    const toHiroshi = toPerson('hiroshi-yamada');
    expect(toHiroshi).toHaveLength(1);
    expect(JSON.stringify(toHiroshi[0]!.message.card)).toContain(id);
    expect((await h.store.requests.getNotices(id))!.notices).toEqual([]);
  });

  it('the same notification asked for twice (two instances reacting to one event) is sent once', async () => {
    const id = await file();
    const request = (await h.store.requests.get(id))!;
    await h.notifier.approvalRequested(request);
    await h.notifier.approvalRequested(request);
    await retryLoop();
    expect(toPerson('hiroshi-yamada')).toHaveLength(1);
  });

  it('one failed write of the notification record after filing: the approver still gets the card, once', async () => {
    const fault = failNextNotificationWrite(h.store);
    await h.say('hiroshi-yamada', 'hello', 'en-US');
    const confirmation = (await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
    // Whether the turn shows the failure is not the point here (the request is filed either way).
    await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US').catch(() => undefined);
    expect(fault.failed()).toBe(1);
    const id = (await h.store.requests.listByRequester('mei-kobayashi'))[0]!.id;
    expect((await h.store.requests.get(id))?.status).toBe('pending_approval');
    await retryLoop();
    await retryLoop();
    const toHiroshi = toPerson('hiroshi-yamada');
    expect(toHiroshi).toHaveLength(1);
    expect(JSON.stringify(toHiroshi[0]!.message.card)).toContain(id);
  });

  it('one failed write of the notification record after an approval: the requester is still told, once', async () => {
    const id = await file();
    const version = (await h.store.requests.get(id))!.version;
    const fault = failNextNotificationWrite(h.store);
    await h.execute('hiroshi-yamada', { verb: 'approve', requestId: id, version }, 'en-US').catch(() => undefined);
    expect(fault.failed()).toBe(1);
    expect((await h.store.requests.get(id))?.status).toBe('approved');
    // The admin clicks again (the card looked stuck): an idempotent repeat.
    await h.execute('hiroshi-yamada', { verb: 'approve', requestId: id, version }, 'en-US');
    await retryLoop();
    await retryLoop();
    const toMei = toPerson('mei-kobayashi');
    expect(toMei).toHaveLength(1);
    expect(JSON.stringify(toMei[0]!.message.card)).toContain(id);
  });

  it('a crash between the approval and the send: the retry loop tells the requester, once', async () => {
    const id = await file();
    const request = (await h.store.requests.get(id))!;
    // What the approve click does up to the notifier, and then the process dies.
    const outcome = await h.service.act(id, { type: 'approve' }, h.person('hiroshi-yamada'), { platform: 'teams', expectedVersion: request.version });
    expect(outcome.kind).toBe('applied');
    expect(toPerson('mei-kobayashi')).toHaveLength(0);
    await retryLoop(); // at the next start (the job runs at start) or 30 s later on any instance
    await retryLoop();
    expect(toPerson('mei-kobayashi')).toHaveLength(1);
    expect(JSON.stringify(toPerson('mei-kobayashi')[0]!.message.card)).toContain(id);
  });

  it('a crash between filing and the send: the retry loop sends the approval card, once', async () => {
    await h.say('hiroshi-yamada', 'hello', 'en-US');
    const outcome = await h.service.submit({ kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' }, h.person('mei-kobayashi'), { platform: 'teams' });
    expect(outcome.kind).toBe('submitted');
    expect(toPerson('hiroshi-yamada')).toHaveLength(0);
    await retryLoop();
    await retryLoop();
    expect(toPerson('hiroshi-yamada')).toHaveLength(1);
  });

  it('an approval as it should go: the posted approval card is redrawn, the requester told, the outbox left empty', async () => {
    const id = await file();
    expect(toPerson('hiroshi-yamada')).toHaveLength(1);
    const version = (await h.store.requests.get(id))!.version;
    await h.execute('hiroshi-yamada', { verb: 'approve', requestId: id, version }, 'en-US');
    expect(h.updated).toHaveLength(1); // the approval card posted to Hiroshi now shows the decision
    expect(toPerson('mei-kobayashi')).toHaveLength(1);
    expect((await h.store.requests.getNotices(id))!.notices).toEqual([]);
    expect(await h.store.requests.listNoticesDue(new Date(Date.now() + 86_400_000))).toEqual([]);
  });
});
