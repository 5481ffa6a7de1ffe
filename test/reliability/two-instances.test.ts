import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';

/**
 * Two bot instances (two runtimes, two botbuilder adapters, nothing shared in memory) on one MongoDB:
 * what a load balancer in front of several processes does to a conversation.
 */
const uri = process.env.MONGODB_URI || process.env[ENV.uri];
const run = uri ? describe : process.env.CI === 'true' ? describe : describe.skip;
if (!uri && process.env.CI !== 'true') console.warn(`two-instance tests skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);

run('two bot instances sharing one MongoDB', () => {
  let a: BotHarness;
  let b: BotHarness;
  const dbName = `pl_two_${randomBytes(4).toString('hex')}`;

  beforeEach(async () => {
    if (!uri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
    a = await createBotHarness({ mongodbUri: uri, dbName });
    b = await createBotHarness({ mongodbUri: uri, dbName });
  });
  afterEach(async () => {
    await a?.destroy();
    await b?.destroy();
    const admin = await mongoose.createConnection(uri!, { dbName }).asPromise();
    await admin.dropDatabase();
    await admin.close();
  });

  it("a conversation's turns alternate between the instances without losing state", async () => {
    const form = (await a.say('mei-kobayashi', 'link with a distributor please', 'en-US')).at(-1)!;
    const confirmation = (await b.execute('mei-kobayashi', { ...buttonData(form.card, 'submit_form')!, providerId: 'contoso-distribution-jp' }, 'en-US')).answer!;
    expect(confirmation.cardText).toContain('Please check your request');
    const help = await a.say('mei-kobayashi', 'help', 'en-US');
    expect(help.at(-1)!.cardText).toContain('Please check your request'); // instance A re-asks where B left off
    const done = (await b.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
    expect((await a.store.requests.get(id))?.status).toBe('pending_approval');
  });

  it('two admins approving and rejecting at the same moment on different instances and platforms: one decision, one notification; the loser sees who decided', async () => {
    await a.say('hiroshi-yamada', 'hello', 'ja-JP');
    await b.say('emily-clark', 'hello', 'en-US');
    const confirmation = (await a.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
    const done = (await a.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
    const version = (await a.store.requests.get(id))!.version;
    const [approve, reject] = await Promise.all([
      a.execute('hiroshi-yamada', { verb: 'approve', requestId: id, version }, 'en-US', 'teams'),
      b.execute('emily-clark', { verb: 'reject', requestId: id, version, reason: 'duplicate account' }, 'en-US', 'slack'),
    ]);
    const stored = (await a.store.requests.get(id))!;
    const decisions = stored.audit.filter((e) => e.action === 'approve' || e.action === 'reject');
    expect(decisions).toHaveLength(1);
    const winner = decisions[0]!.actor.type === 'person' ? decisions[0]!.actor.name : '';
    const loserCard = stored.status === 'approved' ? reject.card : approve.card;
    expect(strings(loserCard)).toContain(winner);
    const toRequester = [...a.delivered, ...b.delivered].filter((d) => d.to === 'mei-kobayashi');
    expect(toRequester).toHaveLength(1);
  });

  it("a request's notifications sent by both instances at once, right after the change and from both retry loops: each sent exactly once", async () => {
    await a.say('hiroshi-yamada', 'hello', 'en-US');
    await b.say('mei-kobayashi', 'hello', 'en-US');
    for (let round = 0; round < 3; round++) {
      // Filed, then the process that filed it stopped before sending (each round is rejected before the next).
      const filed = await a.service.submit({ kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' }, a.person('mei-kobayashi'), { platform: 'teams' });
      if (filed.kind !== 'submitted') throw new Error(`not filed: ${filed.kind}`);
      const before = [...a.delivered, ...b.delivered].filter((d) => d.to === 'hiroshi-yamada').length;
      await Promise.all([a.notifier.approvalRequested(filed.request), b.notifier.approvalRequested(filed.request), a.notifier.retryPending(), b.notifier.retryPending()]);
      await Promise.all([a.notifier.retryPending(), b.notifier.retryPending()]);
      expect([...a.delivered, ...b.delivered].filter((d) => d.to === 'hiroshi-yamada').length - before).toBe(1);
      const rejected = await b.service.act(filed.request.id, { type: 'reject', reason: 'not now' }, b.person('hiroshi-yamada'), { platform: 'teams' });
      expect(rejected.kind).toBe('applied');
      await Promise.all([a.notifier.requestUpdated(filed.request), b.notifier.requestUpdated(filed.request), a.notifier.retryPending(), b.notifier.retryPending()]);
      expect([...a.delivered, ...b.delivered].filter((d) => d.to === 'mei-kobayashi')).toHaveLength(round + 1);
    }
  });
});
