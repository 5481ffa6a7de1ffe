import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

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

  async function file() {
    await h.say('hiroshi-yamada', 'hello', 'en-US');
    const confirmation = (await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
    const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).replies.at(-1)!;
    return /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
  }

  it('the Bot Connector fails (503): the approval card is kept, retried later, and delivered exactly once', async () => {
    h.senders.teams.failures = 2;
    const id = await file();
    expect(h.delivered.filter((d) => d.to === 'hiroshi-yamada')).toHaveLength(0); // not delivered yet, but kept:
    const kept = await h.store.events.listDue('notify', new Date(Date.now() + 3_600_000));
    expect(kept).toHaveLength(1);
    expect(kept[0]!.attempts).toBe(1);

    jest.useFakeTimers({ now: Date.now() + 31_000, doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask', 'setInterval'] });
    expect(await h.notifier.retryPending()).toBe(0); // the second attempt fails too
    jest.setSystemTime(Date.now() + 61_000);
    expect(await h.notifier.retryPending()).toBe(1);
    expect(await h.notifier.retryPending()).toBe(0); // nothing left to send
    const toHiroshi = h.delivered.filter((d) => d.to === 'hiroshi-yamada');
    expect(toHiroshi).toHaveLength(1);
    expect(JSON.stringify(toHiroshi[0]!.message.card)).toContain(id);
  });

  it('the same notification asked for twice (two instances reacting to one event) is sent once', async () => {
    const id = await file();
    const request = (await h.store.requests.get(id))!;
    await h.notifier.approvalRequested(request);
    await h.notifier.approvalRequested(request);
    expect(h.delivered.filter((d) => d.to === 'hiroshi-yamada')).toHaveLength(1);
  });
});
