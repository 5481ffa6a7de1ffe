import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';
import { TestClock } from '../support/test-clock';

/**
 * Issue 15: two bot instances (two runtimes from bot/composition.ts, each with its own schedules and
 * clock) on one MongoDB run the expiry and reminder schedules at the same moments: every reminder is
 * sent once and every due request expired, and its people told, once.
 */
const uri = process.env.MONGODB_URI || process.env[ENV.uri];
const run = uri ? describe : process.env.CI === 'true' ? describe : describe.skip;
if (!uri && process.env.CI !== 'true') console.warn(`two-instance schedule tests skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);

const DAY = 86_400_000;
const REMINDER = /Reminder: a request awaits|催促: 申請が判断を待っています/;
const EXPIRED = /Request expired|申請は期限切れになりました/;

run('two instances sharing one MongoDB: schedules', () => {
  let a: BotHarness;
  let b: BotHarness;
  let clockA: TestClock;
  let clockB: TestClock;
  const dbName = `pl_sched_${randomBytes(4).toString('hex')}`;

  beforeEach(async () => {
    if (!uri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
    clockA = new TestClock('2026-04-01T00:00:00Z');
    clockB = new TestClock('2026-04-01T00:00:00Z');
    a = await createBotHarness({ mongodbUri: uri, dbName, clock: clockA });
    b = await createBotHarness({ mongodbUri: uri, dbName, clock: clockB });
  });
  afterEach(async () => {
    await a?.destroy();
    await b?.destroy();
    const admin = await mongoose.createConnection(uri!, { dbName }).asPromise();
    await admin.dropDatabase();
    await admin.close();
  });

  /** Both instances' clocks move together, a day at a time, and their schedules run at once. */
  const days = async (n: number) => {
    for (let i = 0; i < n; i++) await Promise.all([clockA.advanceDays(1), clockB.advanceDays(1)]);
  };
  const sends = (re: RegExp) => [...a.delivered, ...b.delivered].filter((d) => re.test(strings(d.message.card)));

  it('every reminder is sent once and every due request expired once, with each notification sent once', async () => {
    await a.say('hiroshi-yamada', 'こんにちは', 'ja-JP', 'teams');
    await b.say('emily-clark', 'hello', 'en-US', 'slack');
    await a.say('lena-vogel', 'hello', 'en-US', 'teams');
    const file = async (h: BotHarness, who: string, text: string, platform: 'teams' | 'slack') => {
      const confirmation = (await h.say(who, text, 'en-US', platform)).at(-1)!;
      const clicked = await h.execute(who, buttonData(confirmation.card, 'confirm')!, 'en-US', platform);
      const done = (clicked.answer ?? clicked.replies.at(-1))!;
      return /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
    };
    const ids = [await file(a, 'mei-kobayashi', 'link us with Contoso Distribution Japan', 'teams'), await file(b, 'camille-martin', 'link us with Northwind Distribution', 'slack')];

    await days(20);
    // Day 3, 10 and 17: Hiroshi and Emily for Mei's request, Lena for Camille's: 3 people x 3.
    expect(sends(REMINDER).map((d) => d.to).sort()).toEqual([...Array(3).fill('emily-clark'), ...Array(3).fill('hiroshi-yamada'), ...Array(3).fill('lena-vogel')]);

    // Both instances wake up after their expiry (day 90): each runs its schedules once, at the same time.
    await Promise.all([clockA.advance(70 * DAY), clockB.advance(70 * DAY)]);
    for (const id of ids) {
      const r = (await a.store.requests.get(id))!;
      expect(r.status).toBe('expired');
      expect(r.audit.filter((e) => e.action === 'expire')).toHaveLength(1);
      expect(r.audit.filter((e) => e.action === 'remind')).toHaveLength(3);
      expect(r.reminders?.count).toBe(3);
    }
    expect(sends(REMINDER)).toHaveLength(3 * 3); // none after the expiry
    // Each expiry told once: the requesters and the approvers of the step it waited for.
    expect(sends(EXPIRED).map((d) => d.to).sort()).toEqual(['camille-martin', 'emily-clark', 'hiroshi-yamada', 'lena-vogel', 'mei-kobayashi']);
    // Both instances did some of the work (the schedules really ran on both).
    expect(a.delivered.length).toBeGreaterThan(0);
    expect(b.delivered.length).toBeGreaterThan(0);
  }, 120_000);
});
